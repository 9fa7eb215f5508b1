"""A deterministic simulated set of news outlets, served on loopback, with the truth about every article.

    room = Newsroom(seed=7, outlets=20, days=3, per_day=8)
    with serve_in_thread(room) as served:
        truth = room.truth(served.base_url)
"""

from __future__ import annotations

from .room import Newsroom
from .server import RunningNewsroom, build_app, run, run_server, serve_in_thread

__all__ = ["Newsroom", "RunningNewsroom", "build_app", "run", "run_server", "serve_in_thread"]
