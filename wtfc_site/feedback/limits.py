"""Who is sending: the client's address (behind a trusted proxy too), and the rate limiter.

Nothing about the address is stored or logged. The rate limiter keeps a
keyed hash of it (the key is random and lives only in the receiver's
process). IPv6 addresses count per /64 network, because one home gets a
whole /64. ``X-Forwarded-For`` is used only when the request comes from the
trusted proxy, and then only its last (right-most) address: the one that
proxy added itself.
"""

from __future__ import annotations

import ipaddress
import threading
import time
from collections import deque
from collections.abc import Callable, Mapping


class RateLimiter:
    """Allow at most ``limit`` hits per key in any ``window`` seconds (sliding window).

    Thread-safe. A limit of 0 lets everything through. Keys not seen for a
    whole window are forgotten, so memory stays small.
    """

    def __init__(self, limit: int, window: float = 3600.0, clock: Callable[[], float] = time.monotonic):
        self.limit = limit
        self.window = window
        self._clock = clock
        self._hits: dict[bytes, deque[float]] = {}
        self._lock = threading.Lock()
        self._next_sweep = clock() + window

    def hit(self, key: bytes) -> float:
        """Record a hit for ``key``; return 0 when allowed, else seconds to wait."""
        if self.limit == 0:
            return 0.0
        now = self._clock()
        with self._lock:
            self._sweep(now)
            hits = self._hits.setdefault(key, deque())
            while hits and hits[0] <= now - self.window:
                hits.popleft()
            if len(hits) >= self.limit:
                return hits[0] + self.window - now
            hits.append(now)
            return 0.0

    def give_back(self, key: bytes) -> None:
        """Undo the last hit for ``key`` (the post it allowed was not stored after all)."""
        with self._lock:
            hits = self._hits.get(key)
            if hits:
                hits.pop()

    def _sweep(self, now: float) -> None:
        """Forget keys with no hit in the last window (at most once a window)."""
        if now < self._next_sweep:
            return
        self._next_sweep = now + self.window
        stale = [key for key, hits in self._hits.items() if not hits or hits[-1] <= now - self.window]
        for key in stale:
            del self._hits[key]



def client_address(environ: Mapping[str, str], trusted_proxy: str | None) -> str:
    """Return the client's address: REMOTE_ADDR, or the proxy's X-Forwarded-For entry."""
    remote = normalise_address(environ.get("REMOTE_ADDR", ""))
    if trusted_proxy is None or remote != trusted_proxy:
        return remote
    hops = [hop.strip() for hop in environ.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    # The right-most entry is the one our proxy wrote; entries to its left
    # came from the client and could be anything.
    if hops and _is_ip(hops[-1]):
        return normalise_address(hops[-1])
    return remote



def limit_group(address: str) -> str:
    """Return what the rate limit counts by: the IPv4 address, or the IPv6 /64."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)



def normalise_address(address: str) -> str:
    """Return an IP address in its standard spelling (other text unchanged)."""
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return address.strip()



def _is_ip(text: str) -> bool:
    """Return True when ``text`` is an IPv4 or IPv6 address."""
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True
