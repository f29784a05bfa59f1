"""Shares of a build: which process renders which file, so that one site is built by several.

A share is written `K/N`: the K-th of N. Every file of the site belongs to exactly one share of N,
decided by a stable hash of its path alone, so the split never depends on which other pages exist.
A share can be split again (`2/4,1/2` is the first half of the second quarter): a machine that
builds one share of a site uses all its cores on it the same way. Nothing here knows the engine.
"""

from __future__ import annotations

import hashlib
import math
import os
from dataclasses import dataclass

# Each share writes this file into its output folder: what the merge needs to join the shares
# (which share it is, the site's pages in order, anchors, links between shares, warnings).
SIDECAR = "factsheet-share.json"

# Pages built by one process, at most: its memory grows with the pages it builds (about 150 KB
# each with MkDocs and Material; see README, "Building"), so a large site gets more shares than
# processes, built one after another.
PAGES_PER_SHARE = 5000


@dataclass(frozen=True)
class Share:
    """A share of the site: one (index, count) per level of splitting; no levels is the whole site."""

    levels: tuple[tuple[int, int], ...] = ()

    def __post_init__(self) -> None:
        for index, count in self.levels:
            if not 1 <= index <= count:
                raise ValueError(f"share {index}/{count}: K must be between 1 and N")

    def __str__(self) -> str:
        return ",".join(f"{index}/{count}" for index, count in self.levels)

    @property
    def whole(self) -> bool:
        """True for the whole site (no splitting)."""
        return not self.levels

    @property
    def parent(self) -> Share:
        """The share this one is a part of."""
        return Share(self.levels[:-1])

    def split(self, count: int) -> list[Share]:
        """This share in count parts."""
        return [Share((*self.levels, (index, count))) for index in range(1, count + 1)]

    def owns(self, path: str) -> bool:
        """True if the file at this site path is built by this share."""
        digest = int.from_bytes(hashlib.blake2b(path.encode("utf-8"), digest_size=8).digest(), "big")
        for index, count in self.levels:  # each level reads the next digit of the hash, base count
            digest, digit = divmod(digest, count)
            if digit != index - 1:
                return False
        return True

    def fraction(self) -> float:
        """The expected part of the site this share builds."""
        return 1 / math.prod(count for _, count in self.levels)


def parse_share(text: str) -> Share:
    """A share from `K/N` (or `K/N,K/N,...` for a share of a share); ValueError if malformed."""
    levels = []
    for part in text.split(","):
        index, slash, count = part.strip().partition("/")
        if not slash or not index.isdigit() or not count.isdigit():
            raise ValueError(f"not a share: {text!r} (expected K/N, such as 1/4)")
        levels.append((int(index), int(count)))
    return Share(tuple(levels))


# Incidents one machine builds, at most, when a CI matrix builds a site on several (factsheet shards;
# .github/workflows/pages.yml): one runner with its own cores does below this (see README).
INCIDENTS_PER_MACHINE = 10_000


def machine_shares(incidents: int, per_machine: int = INCIDENTS_PER_MACHINE) -> list[Share]:
    """The shares for machines to build: one (the whole site) up to per_machine incidents."""
    count = max(1, math.ceil(incidents / per_machine))
    return [Share()] if count == 1 else Share().split(count)


def cores() -> int:
    """The processors this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def share_count(jobs: int, pages: int) -> int:
    """How many shares a build of this many pages uses with this many processes."""
    return max(jobs, math.ceil(pages / PAGES_PER_SHARE))
