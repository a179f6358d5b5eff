"""The robot's in-process retrieval engine: an index of the published entries, kept in step by events.

One engine per process. It is built in a worker thread at start-up (the service answers ``/healthz`` at
once; questions wait until it is ready), and refreshed incrementally when an entry or paraphrase changes
on any instance (``kb.*`` events), so training takes effect without a restart.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import gc
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from zhihui.kb.retrieval import Hit, KbDoc, RetrievalIndex, Thresholds
from zhihui.platform.logging import get_logger
from zhihui.settings import Settings

log = get_logger(__name__)
CACHE_SIZE = 20_000


@dataclass(frozen=True)
class EntryView:
    key: str
    question: str
    answer: str
    audience: str
    kind: str
    category: str
    channels: tuple[str, ...]
    valid_from: dt.date | None
    valid_until: dt.date | None
    paraphrases: tuple[str, ...]

    def doc(self) -> KbDoc:
        return KbDoc(
            entry_id=self.key,
            audience=self.audience,
            question=self.question,
            paraphrases=self.paraphrases,
            category=self.category,
            answer=self.answer,
        )

    def visible(self, *, channel: str | None, on: dt.date) -> bool:
        if channel and self.channels and channel not in self.channels:
            return False
        if self.valid_from and on < self.valid_from:
            return False
        return not (self.valid_until and on > self.valid_until)


class KbEngine:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.index: RetrievalIndex | None = None
        self.entries: dict[str, EntryView] = {}
        self.tuned: dict[str, Thresholds] = {}
        self.ready = asyncio.Event()
        self._rebuild_lock = asyncio.Lock()
        # Popular questions repeat all day (that is what the hot-topics page shows), so answers are cached
        # until the index changes; every change clears the cache.
        self._cache: OrderedDict[tuple[str, str, str | None, dt.date, int], list[Hit]] = OrderedDict()
        self.cache_hits = 0
        self.cache_misses = 0

    def _embedder(self) -> str | None:
        return "auto" if self.settings.kb.embeddings == "auto" else None

    async def rebuild(self, entries: Sequence[EntryView], tuned: dict[str, Thresholds]) -> None:
        """Replace the whole index (start-up, import). Questions keep using the old one meanwhile."""
        async with self._rebuild_lock:
            docs = [e.doc() for e in entries]
            embedder = self._embedder()
            index = await asyncio.to_thread(
                lambda: RetrievalIndex.build(docs, embedder="auto" if embedder else None)
            )
            self.index = index
            self.entries = {e.key: e for e in entries}
            self.tuned = dict(tuned)
            self._cache.clear()
            _freeze_long_lived()
            self.ready.set()
            log.info("kb index built", entries=len(entries), seconds=round(index.report.seconds, 2))

    def upsert(self, entry: EntryView | None, key: str) -> None:
        """Add, change or (``entry`` None) remove one entry without a rebuild."""
        if self.index is None:
            return
        self._cache.clear()
        if entry is None:
            self.index.remove(key)
            self.entries.pop(key, None)
            return
        self.index.upsert(entry.doc())
        self.entries[key] = entry

    def add_paraphrases(self, key: str, texts: Sequence[str]) -> None:
        if self.index is None or key not in self.entries:
            return
        self._cache.clear()
        for text in texts:
            self.index.add_paraphrase(key, text)
        old = self.entries[key]
        self.entries[key] = replace(old, paraphrases=(*old.paraphrases, *texts))

    def thresholds(self, audience: str) -> Thresholds:
        kb = self.settings.kb
        answer = kb.answer_threshold_customer if audience == "customer" else kb.answer_threshold_agent
        clarify = kb.clarify_threshold_customer if audience == "customer" else kb.clarify_threshold_agent
        base = self.tuned.get(audience) or (self.index.thresholds if self.index is not None else Thresholds(0.8, 0.4))
        return Thresholds(
            answer=answer if answer is not None else base.answer,
            clarify=clarify if clarify is not None else base.clarify,
        )

    def search(self, text: str, audience: str, *, channel: str | None, on: dt.date, k: int = 3) -> list[Hit]:
        if self.index is None:
            return []
        key = (text, audience, channel, on, k)
        cached = self._cache.get(key)
        if cached is not None:
            self._cache.move_to_end(key)
            self.cache_hits += 1
            return list(cached)
        self.cache_misses += 1
        hits = self.index.search(text, audience, k=k + 5)
        visible = [
            h for h in hits if (e := self.entries.get(h.entry_id)) is not None and e.visible(channel=channel, on=on)
        ][:k]
        self._cache[key] = visible
        if len(self._cache) > CACHE_SIZE:
            self._cache.popitem(last=False)
        return list(visible)


def _freeze_long_lived() -> None:
    """Keep the cyclic garbage collector away from the index and everything else loaded so far.

    A 10,000-entry index and the segmentation and pinyin dictionaries are several hundred
    thousand long-lived objects; every full collection walked all of them, a pause of
    100-200 ms on the event loop that showed as the tail latency of every request in
    flight. The index itself has no reference cycles, so a replaced one is still freed
    (by reference counting); the one full collection here, per build, clears what was
    frozen before.
    """
    gc.unfreeze()
    gc.collect()
    gc.freeze()
