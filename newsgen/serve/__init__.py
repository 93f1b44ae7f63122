"""`newsgen serve`: a preview server that rebuilds on every change and reloads open pages.

files.py answers request paths as a static host would (safely), live.py keeps
the reload/overlay state and the injected script, watch.py turns file-system
events into rebuild batches, handler.py is the HTTP side, and preview.py ties
them together around one build lock.
"""

from .handler import is_loopback
from .preview import OnEvent, Preview, RebuildFailed, Rebuilt, ServeError, ServeEvent, ServeOptions

__all__ = ["OnEvent", "Preview", "RebuildFailed", "Rebuilt", "ServeError", "ServeEvent", "ServeOptions",
           "is_loopback"]
