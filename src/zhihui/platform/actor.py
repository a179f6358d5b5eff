"""Who is acting: every write function takes one, keyword-only."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

ActorKind = Literal["staff", "customer", "system"]


@dataclass(frozen=True)
class Actor:
    kind: ActorKind
    id: int | None = None
    role: str | None = None
    name: str | None = None

    @property
    def label(self) -> str:
        return f"{self.kind}:{self.id}" if self.id is not None else self.kind


SYSTEM = Actor(kind="system", name="系统")
