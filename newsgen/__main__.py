"""`python -m newsgen` runs the command line."""

from .cli import main

main()
