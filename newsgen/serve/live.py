"""Live reload: what every open page is told after a build, and the script that listens.

Open pages hold a Server-Sent Events stream. Each build moves the hub to a new
state: a successful build gives a new generation (pages reload), a failed one
keeps the generation and carries the problems (pages show an overlay). A page
learns the generation it was served at from the injected script, so a page
that missed an event while loading still catches up when its stream opens.
The script is added to responses by the server only; build/ never holds it.
"""

from __future__ import annotations

import json
import re
import threading
import time
from dataclasses import dataclass, field

EVENTS_PATH = "/__newsgen__/events"
# An idle stream gets a comment this often, so a closed tab is noticed and its thread freed.
KEEPALIVE_SECONDS = 15.0
BODY_END = re.compile(rb"</body\s*>", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing to show the writer: which file, which line, what is wrong."""

    file: str
    line: int | None
    message: str

    def to_dict(self) -> dict[str, object]:
        return {"file": self.file, "line": self.line, "message": self.message}


@dataclass(frozen=True, slots=True)
class LiveState:
    serial: int = 0
    """Moves on every change of state, so a waiting stream knows it has news."""
    generation: str = ""
    """Names the published site; a new one means open pages are stale."""
    problems: tuple[Problem, ...] = field(default=())
    fatal: bool = False
    """True when the last build failed and the old site is still being served."""
    closed: bool = False


class Hub:
    """The current live state, and a condition that streams wait on for the next one."""

    def __init__(self) -> None:
        self._condition = threading.Condition()
        self._epoch = time.time_ns()
        self._builds = 0
        self._state = LiveState(generation=self._generation())

    def _generation(self) -> str:
        """Unique across server restarts, so pages left open reload after a restart too."""
        return f"{self._epoch:x}-{self._builds}"

    def state(self) -> LiveState:
        with self._condition:
            return self._state

    def published(self, problems: tuple[Problem, ...] = ()) -> None:
        """A build was published; `problems` are articles it had to leave out."""
        with self._condition:
            self._builds += 1
            self._move(generation=self._generation(), problems=problems, fatal=False)

    def failed(self, problems: tuple[Problem, ...]) -> None:
        """A build failed; the old site stays, and its pages show what went wrong."""
        with self._condition:
            self._move(generation=self._state.generation, problems=problems, fatal=True)

    def close(self) -> None:
        with self._condition:
            self._move(generation=self._state.generation, problems=(), fatal=False, closed=True)

    def _move(self, **changes: object) -> None:
        self._state = LiveState(serial=self._state.serial + 1, **changes)  # type: ignore[arg-type]
        self._condition.notify_all()

    def next_state(self, after: int, timeout: float) -> LiveState | None:
        """The first state newer than serial `after`, or None when nothing happened in time."""
        with self._condition:
            if self._condition.wait_for(lambda: self._state.serial > after, timeout):
                return self._state
            return None


def opening_events(state: LiveState) -> list[bytes]:
    """What a newly opened stream hears: the current generation, and any problems."""
    events = [sse("hello", {"generation": state.generation})]
    if state.problems:
        events.append(problem_event(state))
    return events


def change_events(old: LiveState, new: LiveState) -> list[bytes]:
    if new.fatal:
        return [problem_event(new)]
    if new.generation != old.generation:
        return [sse("reload", {"generation": new.generation})]
    return []


def problem_event(state: LiveState) -> bytes:
    return sse("build-error", {"fatal": state.fatal, "problems": [p.to_dict() for p in state.problems]})


def sse(name: str, data: dict[str, object]) -> bytes:
    return f"event: {name}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n".encode()


KEEPALIVE = b": keepalive\n\n"

# Runs in the previewed page. The overlay is built from text nodes, never markup, so
# a message quoting a template (or an attacker's article) cannot inject anything.
SCRIPT = """<script data-newsgen-live>(function () {
  var generation = %(generation)s;
  var source = new EventSource(%(events)s);
  var overlay = null;
  function add(parent, tag, text, style) {
    var node = document.createElement(tag);
    if (text) node.appendChild(document.createTextNode(text));
    if (style) node.setAttribute("style", style);
    parent.appendChild(node);
    return node;
  }
  function show(data) {
    if (overlay) overlay.remove();
    overlay = document.createElement("div");
    overlay.id = "newsgen-overlay";
    overlay.setAttribute("role", "alert");
    overlay.setAttribute("style", "position:fixed;inset:0;z-index:2147483647;overflow:auto;padding:2rem;" +
      "background:rgba(20,20,20,.94);color:#fff;font:15px/1.5 system-ui,sans-serif");
    var title = data.fatal ? "Build failed: still showing the last good site" :
      data.problems.length + " article(s) could not be loaded";
    add(overlay, "h2", title, "margin:0 0 1rem;color:#ff8a80;font-size:1.3rem");
    data.problems.forEach(function (p) {
      add(overlay, "div", p.file + (p.line ? ":" + p.line : ""), "font-weight:bold;margin-top:1rem");
      add(overlay, "pre", p.message, "white-space:pre-wrap;margin:.25rem 0;font:14px/1.4 monospace");
    });
    if (!data.fatal) {
      var close = add(overlay, "button", "Dismiss", "margin-top:1.5rem;font:inherit;padding:.3rem 1rem");
      close.addEventListener("click", function () { overlay.remove(); overlay = null; });
    }
    document.body.appendChild(overlay);
  }
  source.addEventListener("hello", function (e) {
    if (JSON.parse(e.data).generation !== generation) location.reload();
  });
  source.addEventListener("reload", function () { location.reload(); });
  source.addEventListener("build-error", function (e) { show(JSON.parse(e.data)); });
})();</script>
"""


def live_script(generation: str) -> bytes:
    return (SCRIPT % {"generation": json.dumps(generation), "events": json.dumps(EVENTS_PATH)}).encode()


def with_live_script(html: bytes, generation: str) -> bytes:
    """The page with the listening script placed just before `</body>` (or at the end)."""
    script = live_script(generation)
    ends = list(BODY_END.finditer(html))
    if not ends:
        return html + script
    at = ends[-1].start()
    return html[:at] + script + html[at:]
