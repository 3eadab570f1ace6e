"""One way to hash several parts: used by the build cache and by the user's cache (light to import)."""

from __future__ import annotations

import hashlib


def digest(*parts: bytes | str) -> str:
    """Return a short hex hash of the parts, each length-prefixed so they cannot run together."""
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()
