"""The built-in theme must ship inside the wheel, or `newsgen build` fails after `pip install .`."""

import subprocess
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_wheel_carries_the_theme(tmp_path: Path) -> None:
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(tmp_path), str(REPO)], check=True, capture_output=True)
    wheel = next(tmp_path.glob("newsgen-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    theme = {p.relative_to(REPO / "templates").as_posix() for p in (REPO / "templates").rglob("*")
             if p.is_file() and "__pycache__" not in p.parts}
    assert {f"newsgen/theme/{t}" for t in theme} <= names
