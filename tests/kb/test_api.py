import asyncio
from typing import Any

import httpx
from sqlalchemy import func, select

from tests.factories import make_staff, staff_headers
from tests.kb.factories import ENTRIES, jsonl
from zhihui.kb.models import KbEntry, KbTrainingOp
from zhihui.platform.db import Database

ASK_KEYS = {"outcome", "entry_id", "question", "answer", "confidence", "suggestions"}


async def _setup(db: Database, client: httpx.AsyncClient, app: Any) -> dict[str, str]:
    async with db.unit_of_work() as session:
        await make_staff(session, "expert", username="exp")
    headers = await staff_headers(client, "exp")
    r = await client.post("/api/v1/kb/import", files={"file": ("kb.jsonl", jsonl())}, headers=headers)
    assert r.status_code == 200, r.text
    assert r.json()["created"] == 3
    await _wait_rebuilt(app, 3)
    return headers


async def _wait_rebuilt(app: Any, n: int) -> None:
    for _ in range(200):
        if len(app.state.kb_engine.entries) == n:
            return
        await asyncio.sleep(0.05)
    raise AssertionError("knowledge base was not rebuilt")


async def test_ask_answers_with_the_contract_shape(db: Database, client: httpx.AsyncClient, app: Any) -> None:
    await _setup(db, client, app)
    r = await client.post("/api/v1/kb/ask", json={"text": "怎么变更保单的受益人？", "audience": "customer"})
    body = r.json()
    assert r.status_code == 200 and set(body) >= ASK_KEYS
    assert body["outcome"] == "answer" and body["entry_id"] == "T-BENEF"
    assert body["answer"].startswith("投保人经被保险人同意")
    assert all(set(s) == {"entry_id", "question", "confidence"} for s in body["suggestions"])
    # agents do not see customer-only entries, customers do not see agent-only ones
    r = await client.post("/api/v1/kb/ask", json={"text": "怎么给客户分享保全办理链接", "audience": "customer"})
    assert r.json()["entry_id"] != "T-SHARE"
    assert all(s["entry_id"] != "T-SHARE" for s in r.json()["suggestions"])
    r = await client.post("/api/v1/kb/ask", json={"text": "怎么给客户分享保全办理链接", "audience": "agent"})
    assert r.json()["entry_id"] == "T-SHARE"


async def test_bad_questions_get_a_none_never_a_500(db: Database, client: httpx.AsyncClient, app: Any) -> None:
    await _setup(db, client, app)
    for text in ["", "   ", "\x00\x01\x02\xff" * 10, "?!?!...", "hello how are you", "宽限期" * 400]:
        r = await client.post("/api/v1/kb/ask", json={"text": text, "audience": "customer"})
        assert r.status_code == 200, text
        assert r.json()["outcome"] in ("none", "clarify", "answer") and r.json()["message"]
    r = await client.post("/api/v1/kb/ask", json={"text": "", "audience": "customer"})
    assert r.json()["outcome"] == "none"
    r = await client.post("/api/v1/kb/ask", json={"text": "hello", "audience": "robot"})
    assert r.status_code == 422 and r.json()["code"] == "invalid_choice"
    long = await client.post(
        "/api/v1/kb/ask", json={"text": "保费没交上宽限期有多久" + "啊" * 600, "audience": "customer"}
    )
    assert "较长" in long.json()["message"]


async def test_import_refuses_bad_file_with_row_numbers(db: Database, client: httpx.AsyncClient, app: Any) -> None:
    headers = await _setup(db, client, app)
    bad = jsonl([dict(ENTRIES[0], id="NEW1"), dict(ENTRIES[1], id="NEW2", answer="")])
    r = await client.post("/api/v1/kb/import", files={"file": ("kb.jsonl", bad)}, headers=headers)
    assert r.status_code == 400 and r.json()["code"] == "kb_import_invalid" and "第2行" in r.json()["detail"]
    r = await client.post("/api/v1/kb/import", files={"file": ("kb.jsonl", jsonl())}, headers=headers)
    assert r.status_code == 409 and r.json()["code"] == "kb_duplicate_entry"
    async with db.sessionmaker() as session:
        assert await session.scalar(select(func.count()).select_from(KbEntry)) == 3
    r = await client.post("/api/v1/kb/import", files={"file": ("kb.txt", b"x")}, headers=headers)
    assert r.json()["code"] == "kb_import_format"
    r = await client.post(
        "/api/v1/kb/import", files={"file": ("kb.jsonl", jsonl(ENTRIES[:1]))}, data={"replace": "true"}, headers=headers
    )
    assert r.json() == r.json() | {"created": 0, "updated": 1, "archived": 2}
    r = await client.get("/api/v1/kb/export?format=csv", headers=headers)
    assert r.status_code == 200 and "T-BENEF" in r.text


async def test_training_loop_teaches_the_robot_without_restart(
    db: Database, client: httpx.AsyncClient, app: Any
) -> None:
    headers = await _setup(db, client, app)
    question = "能换个人领钱吗"
    for _ in range(2):
        r = await client.post("/api/v1/kb/ask", json={"text": question, "audience": "customer"})
        assert r.json()["outcome"] != "answer" or r.json()["entry_id"] != "T-BENEF"
    r = await client.get("/api/v1/kb/training/groups", headers=headers)
    groups = r.json()
    group = next(g for g in groups if g["representative"] == question)
    assert group["count"] == 2
    r = await client.post(
        "/api/v1/kb/training/paraphrase", json={"ask_ids": group["ask_ids"], "entry_id": "T-BENEF"}, headers=headers
    )
    assert r.json()["added"] == [question]
    r = await client.post("/api/v1/kb/ask", json={"text": question, "audience": "customer"})
    assert r.json()["outcome"] == "answer" and r.json()["entry_id"] == "T-BENEF"
    r = await client.get("/api/v1/kb/training/groups", headers=headers)
    assert all(g["representative"] != question for g in r.json())
    async with db.sessionmaker() as session:
        assert await session.scalar(select(func.count()).select_from(KbTrainingOp)) == 1
    r = await client.get("/api/v1/kb/entries/T-BENEF", headers=headers)
    assert question in r.json()["paraphrases"] and r.json()["version"] == 2


async def test_feedback_and_hot_topics(db: Database, client: httpx.AsyncClient, app: Any) -> None:
    await _setup(db, client, app)
    for text in ["怎么变更保单的受益人？", "怎么变更保单的受益人", "宽限期是几天", "火星上能买保险吗"]:
        await client.post("/api/v1/kb/ask", json={"text": text, "audience": "customer"})
    r = await client.post("/api/v1/kb/ask", json={"text": "怎么变更保单的受益人？", "audience": "customer"})
    ask_id = r.json()["ask_id"]
    r = await client.post("/api/v1/kb/feedback", json={"ask_id": ask_id, "helpful": False, "reason": "没看懂"})
    assert r.status_code == 204
    r = await client.post("/api/v1/kb/feedback", json={"ask_id": "0" * 32, "helpful": True})
    assert r.status_code == 404 and r.json()["code"] == "kb_ask_not_found"
    r = await client.get("/api/v1/kb/hot?window=1h&audience=customer")
    hot = r.json()
    assert hot["total_questions"] == 5
    assert hot["entries"][0] == {"entry_id": "T-BENEF", "question": "怎么变更保单的受益人？", "count": 3}
    assert any("火星" in g["representative"] for g in hot["rising_unanswered"])
    r = await client.get("/api/v1/kb/hot?window=2h")
    assert r.status_code == 422


async def test_entry_permissions(db: Database, client: httpx.AsyncClient, app: Any) -> None:
    await _setup(db, client, app)
    async with db.unit_of_work() as session:
        await make_staff(session, "sales_agent", username="sa")
    sales = await staff_headers(client, "sa")
    assert (await client.get("/api/v1/kb/entries")).status_code == 401
    assert (await client.get("/api/v1/kb/entries", headers=sales)).status_code == 200
    new = dict(ENTRIES[0], id="T-NEW")
    r = await client.post("/api/v1/kb/entries", json=new, headers=sales)
    assert r.status_code == 403
    r = await client.get("/api/v1/kb/entries/NOPE", headers=sales)
    assert r.status_code == 404 and r.json()["code"] == "kb_entry_not_found"
