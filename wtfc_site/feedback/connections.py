"""Guards on waitress's connections: slow and idle clients, crowds on one address, its own errors.

Waitress reads each whole request before the app sees it, so the app's
checks cannot stop a client that opens many connections and sends nothing,
or sends one byte every few seconds. Out of the box waitress keeps up to
100 connections and drops an idle one only after two minutes, so about 100
idle connections from one address shut everyone else out. These guards:

* **per address**: when one address (IPv6: one /64) has more than
  ``per_address`` connections open, those that have sent nothing whole for
  two seconds are closed, and new ones are closed at once while it has
  such stalled ones. Connections busy sending whole requests are never cut
  off, so 200 people posting at once from one wifi all get through. The
  trusted proxy is not limited: everyone comes through it.
* **idle**: a connection that sends nothing for ``idle_timeout`` seconds
  is closed (waitress's ``channel_timeout``, checked every second).
* **slow**: a request must arrive whole within ``request_timeout`` seconds
  of its first byte, however slowly it drips in.
* **total**: at most ``max_connections`` at once (waitress's ``connection_limit``).

Waitress answers some broken requests itself (400, 413 too big, 431 headers
too big) before the app runs. ``GuardedErrorTask`` gives those answers the
receiver's own plain page and security headers, and logs why.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from waitress.channel import HTTPChannel
from waitress.task import ErrorTask

from .limits import limit_group, normalise_address
from .responses import MessagePages, error_page_for, security_headers

# A person's browser sends its whole request as soon as it connects. When one
# address has more than its share of connections open, those that have sent
# nothing whole for this long are closed.
CROWD_GRACE_SECONDS = 2.0


@dataclass(frozen=True)
class ConnectionSettings:
    """How many connections the receiver keeps open, and for how long."""

    max_connections: int = 500
    """Open connections in all, from everyone."""
    per_address: int = 20
    """Open connections from one address that may sit idle. Beyond this share, one that sends nothing
    whole for two seconds is closed; ones busy sending are never cut off, so a room on one wifi is fine."""
    idle_timeout: float = 10.0
    """Seconds a connection may send nothing before it is closed."""
    request_timeout: float = 20.0
    """Seconds a request may take to arrive, from its first byte to its last."""

    def __post_init__(self) -> None:
        for name in ("max_connections", "per_address"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ValueError(f"--{name.replace('_', '-')} must be a whole number above 0, not {value!r}.")
        for name in ("idle_timeout", "request_timeout"):
            if not getattr(self, name) > 0:
                raise ValueError(f"--{name.replace('_', '-')} must be a number of seconds above 0.")

    def waitress_options(self) -> dict[str, object]:
        """Return the waitress settings that carry these limits."""
        return {
            "connection_limit": self.max_connections,
            "channel_timeout": self.idle_timeout,
            # How often waitress looks for idle connections (default 30 s).
            "cleanup_interval": 1,
        }


class Crowds:
    """The open connections of each address group, to find one address hoarding them; thread-safe."""

    def __init__(self, per_address: int, exempt: str | None):
        self.per_address = per_address
        self.exempt = exempt
        self._open: dict[str, set[HTTPChannel]] = {}
        self._lock = threading.Lock()

    def group_of(self, address: str) -> str:
        """Return the group an address counts in, or "" for one that is never limited."""
        if not address or (self.exempt is not None and normalise_address(address) == self.exempt):
            return ""
        return limit_group(address)

    def join(self, group: str, channel: HTTPChannel, now: float) -> bool:
        """Count a new connection; return False when its address is over its share and stalling."""
        if not group:
            return True
        with self._lock:
            members = self._open.setdefault(group, set())
            hoarding = len(members) >= self.per_address and any(m.stalled(now) for m in members)
            if not hoarding:
                members.add(channel)
            return not hoarding

    def over_share(self, group: str) -> bool:
        """Return True when the group has more connections open than its share."""
        with self._lock:
            return len(self._open.get(group, ())) > self.per_address

    def leave(self, group: str, channel: HTTPChannel) -> None:
        """Forget a closed connection."""
        with self._lock:
            members = self._open.get(group)
            if members is not None:
                members.discard(channel)
                if not members:
                    del self._open[group]


def guarded_channel_class(
    settings: ConnectionSettings,
    crowds: Crowds,
    policy: str,
    log: Callable[[str], None],
    pages: MessagePages,
) -> type[HTTPChannel]:
    """Return a waitress channel class that applies the guards above."""

    class GuardedErrorTask(ErrorTask):
        """Waitress's own error answer, as the receiver's plain page with its headers."""

        def execute(self) -> None:
            error = self.request.error
            log(f"refused a request ({error.code}): waitress could not take it: {error.reason}.")
            status, body = error_page_for(error.code, pages)
            self.status = status
            self.response_headers.extend([("Content-Type", "text/html; charset=utf-8"),
                                          *security_headers(policy)])
            self.set_close_on_finish()
            self.content_length = len(body)
            self.write(body)

    class GuardedChannel(HTTPChannel):
        """A connection that counts towards its address and must not dawdle."""

        error_task_class = GuardedErrorTask
        group = ""
        progress_at = 0.0  # when it connected, or last finished receiving a request
        request_started = 0.0

        def __init__(self, server, sock, addr, adj, map=None):  # noqa: A002 - waitress's own signature
            super().__init__(server, sock, addr, adj, map)
            self.progress_at = time.monotonic()
            group = crowds.group_of(str(addr[0]) if isinstance(addr, tuple) else "")
            if crowds.join(group, self, self.progress_at):
                self.group = group
            else:
                log("closed a connection: too many open from one address, sending nothing.")
                self.will_close = True

        def stalled(self, now: float) -> bool:
            """Return True when it has no request being answered and has sent nothing whole for a while."""
            return not self.requests and now - self.progress_at > CROWD_GRACE_SECONDS

        def received(self, data: bytes) -> bool:
            if self.request is None and data:
                self.request_started = time.monotonic()
            waiting = len(self.requests)
            result = super().received(data)
            if len(self.requests) > waiting:
                self.progress_at = time.monotonic()
            return result

        def readable(self) -> bool:
            # Called on every turn of waitress's loop (at least once a second).
            if not self.will_close:
                reason = self._reason_to_close(time.monotonic())
                if reason:
                    log(f"closed a connection: {reason}.")
                    self.will_close = True
            return super().readable()

        def _reason_to_close(self, now: float) -> str:
            """Return why this connection should close now, or "" to keep it."""
            if self.request is not None and not self.requests and now - self.request_started > settings.request_timeout:
                return "its request did not arrive in time"
            if self.group and self.stalled(now) and crowds.over_share(self.group):
                return "too many open from one address, sending nothing"
            return ""

        def del_channel(self, map=None) -> None:  # noqa: A002
            if self.group:
                crowds.leave(self.group, self)
            self.group = ""
            super().del_channel(map)

    return GuardedChannel


def log_to_stderr(text: str) -> None:
    """Write one line to the receiver's log (standard error)."""
    print(f"feedback receiver: {text}", file=sys.stderr, flush=True)
