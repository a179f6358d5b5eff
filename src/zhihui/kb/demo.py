"""The demo knowledge base shipped with zhihui: ~170 entries for customers and agents, and a how-to video."""

from __future__ import annotations

from importlib import resources

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from zhihui.kb import fileio, service
from zhihui.kb.models import KbEntry
from zhihui.kb.schemas import EntryIn
from zhihui.platform.actor import SYSTEM

DEMO_FILE = "demo_kb.jsonl"
# Operation videos and pictures attached to the entries that explain the matching procedure.
DEMO_MEDIA = (
    ("share-link-howto.webm", "video", "video/webm", "慧保全分享链接操作演示", ("分享", "链接")),
    ("share-link-poster.png", "image", "image/png", "慧保全分享链接示意图", ("分享", "链接")),
)


def demo_entries() -> list[EntryIn]:
    data = resources.files("zhihui.kb").joinpath("data", DEMO_FILE).read_bytes()
    return fileio.parse_entries(data, "jsonl")


def media_path(name: str) -> str:
    return str(resources.files("zhihui.kb").joinpath("data", "media", name))


async def load_demo(session: AsyncSession) -> str | None:
    """Import the demo knowledge base into an empty knowledge base (no-op otherwise)."""
    if await session.scalar(select(func.count()).select_from(KbEntry)):
        return None
    entries = demo_entries()
    report = await service.import_entries(session, entries, replace=False, actor=SYSTEM)
    attached = 0
    for name, kind, content_type, title, words in DEMO_MEDIA:
        for entry in entries:
            if entry.audience != "customer" and all(w in entry.question for w in words):
                size = len(resources.files("zhihui.kb").joinpath("data", "media", name).read_bytes())
                await service.add_attachment(
                    session,
                    entry.id,
                    kind=kind,
                    title=title,
                    filename=name,
                    content_type=content_type,
                    size=size,
                    storage_path=f"package:{name}",
                    actor=SYSTEM,
                )
                attached += 1
                break
    return f"演示知识库：{report.created} 条，附件 {attached} 个"
