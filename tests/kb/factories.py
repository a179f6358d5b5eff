"""A small knowledge base for the knowledge-base tests, imported through the same import function users call."""

from __future__ import annotations

import json
from typing import Any

ENTRIES: list[dict[str, Any]] = [
    {
        "id": "T-BENEF",
        "audience": "customer",
        "category": "保全服务/受益人变更",
        "question": "怎么变更保单的受益人？",
        "paraphrases": ["受益人想换成我女儿怎么办", "身故受益人可以改吗", "修改受益人需要什么材料"],
        "answer": "投保人经被保险人同意后，可在官方App“保全服务”中申请受益人变更。",
    },
    {
        "id": "T-GRACE",
        "audience": "both",
        "category": "保单服务/宽限期",
        "question": "保费没交上，宽限期有多久？",
        "paraphrases": ["忘记交保费了保单还有效吗", "交费宽限期是几天", "续期保费逾期了怎么办"],
        "answer": "通常为60天，宽限期内保单有效；超过宽限期仍未交费，保单效力中止。",
    },
    {
        "id": "T-SHARE",
        "audience": "agent",
        "category": "慧保全/分享链接",
        "question": "怎么给客户分享保全办理链接？",
        "paraphrases": ["慧保全链接怎么发给客户", "客户自己在手机上办保全怎么操作", "分享保全二维码"],
        "answer": "在业务员工作台选择客户保单和保全项目，生成链接或二维码发送给客户。",
        "kind": "article",
    },
]


def jsonl(entries: list[dict[str, Any]] | None = None) -> bytes:
    return ("\n".join(json.dumps(e, ensure_ascii=False) for e in (entries or ENTRIES)) + "\n").encode()
