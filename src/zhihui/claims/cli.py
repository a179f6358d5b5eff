"""``zhihui claims extract`` and the evaluations ``zhihui eval claims`` / ``zhihui eval claims-dialogs``.

Comparison rules shared by both evaluations (``slot_equal``): the diagnosis is right when our ICD-10
category is one of the expected ones (the term is ignored: the same injury has several correct names);
place and treatment are compared as whole dicts, and two names of one registered hospital are the same
hospital ("山东省立医院" is 山东第一医科大学附属省立医院); every other slot by equality.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import statistics
import tempfile
from collections import Counter
from pathlib import Path
from typing import Annotated, Any

import typer

from zhihui.nlu import hospitals
from zhihui.nlu.claim_slots import SLOTS
from zhihui.settings import Settings

claims_app = typer.Typer(help="智能报案：报案信息识别", no_args_is_help=True)
eval_app = typer.Typer(help="智能报案评测", no_args_is_help=True)
MAX_SIMULATED_TURNS = 30


@claims_app.callback()
def _claims() -> None:
    """智能报案：报案信息识别。"""  # a callback keeps `extract` a sub-command even while it is the only one


def _echo(data: Any) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))


def _read_jsonl(path: Path, required: tuple[str, ...]) -> list[dict[str, Any]]:
    from zhihui.cli import read_jsonl

    return read_jsonl(path, required)


# --------------------------------------------------------------------------------------------- comparison


def same_hospital(predicted: str | None, expected: str | None) -> bool:
    """Equal names, or two names (official name, alias) of the same registered hospital."""
    if predicted == expected:
        return True
    if predicted is None or expected is None:
        return False
    known = hospitals.lookup(expected)
    return known is not None and known is hospitals.lookup(predicted)


def slot_equal(slot: str, predicted: Any, expected: Any) -> bool:
    """Is ``predicted`` a correct value for ``slot`` given the expected one (see module doc)?"""
    if expected is None:
        return predicted is None
    if predicted is None:
        return False
    if slot == "diagnosis":
        codes = expected.get("icd10")
        allowed = codes if isinstance(codes, list) else [codes]
        return isinstance(predicted, dict) and predicted.get("icd10") in allowed
    if slot == "treatment":
        return (isinstance(predicted, dict) and predicted.get("status") == expected.get("status")
                and same_hospital(predicted.get("hospital"), expected.get("hospital")))
    if slot == "accident_place":
        keys = ("province", "city", "district")
        return isinstance(predicted, dict) and all(predicted.get(k) == expected.get(k) for k in keys)
    return bool(predicted == expected)


def _prf(tp: int, fp: int, fn: int) -> dict[str, Any]:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
    }


def score_extraction(items: list[dict[str, Any]], predictions: list[dict[str, Any]]) -> dict[str, Any]:
    """Per-slot precision / recall / F1, their micro average, and whole-utterance exact match."""
    counts = {slot: Counter[str]() for slot in SLOTS}
    exact = 0
    errors: list[dict[str, Any]] = []
    for item, predicted in zip(items, predictions, strict=True):
        expected = item.get("slots") or {}
        all_right = True
        for slot in SLOTS:
            exp, got = expected.get(slot), predicted.get(slot)
            if exp is None and got is None:
                continue
            right = slot_equal(slot, got, exp)
            if right:
                counts[slot]["tp"] += 1
                continue
            all_right = False
            if got is not None:
                counts[slot]["fp"] += 1
            if exp is not None:
                counts[slot]["fn"] += 1
            errors.append({"text": item.get("text", "")[:60], "slot": slot, "expected": exp, "got": got})
        exact += all_right
    per_slot = {slot: _prf(c["tp"], c["fp"], c["fn"]) for slot, c in counts.items()}
    total = Counter[str]()
    for c in counts.values():
        total.update(c)
    n = len(items)
    return {
        "items": n,
        "slots": per_slot,
        "micro": _prf(total["tp"], total["fp"], total["fn"]),
        "exact_match": round(exact / n, 4) if n else None,
        "errors": errors,
    }


def evaluate_extraction(items: list[dict[str, Any]]) -> dict[str, Any]:
    from zhihui.nlu.claim_slots import extract_claim_slots

    predictions = [
        extract_claim_slots(str(it["text"]), dt.date.fromisoformat(str(it["ref_date"]))).stated() for it in items
    ]
    return score_extraction(items, predictions)


# --------------------------------------------------------------------------------------------- dialogs


def reporter_says(reply_state: str, expecting: str | None, answers: dict[str, Any]) -> str:
    """The simulated reporter: confirms a read-back, answers the slot asked, else says they do not know."""
    if reply_state == "confirming":
        return "对"
    if expecting and answers.get(expecting):
        return str(answers[expecting])
    return "不清楚"


async def simulate_dialogs(cases: list[dict[str, Any]], settings: Settings | None = None) -> dict[str, Any]:
    """Run every case through the real dialog service (validate_policy false) on a scratch SQLite database.

    Without ``settings`` the process is configured from the environment (the CLI); with them (tests) the
    logging and PII keys already configured are left alone.
    """
    from zhihui.app import load_models
    from zhihui.claims import service
    from zhihui.claims.schemas import DialogCreate
    from zhihui.platform import pii
    from zhihui.platform.actor import SYSTEM
    from zhihui.platform.db import Base, Database
    from zhihui.platform.logging import configure_logging
    from zhihui.settings import get_settings

    results: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="zhihui-eval-") as tmp:
        configured = settings is not None
        scratch = (settings or get_settings()).model_copy(
            update={"data_dir": Path(tmp), "database_url": f"sqlite+aiosqlite:///{tmp}/eval.db", "log_level": "WARNING"}
        )
        if not configured:
            configure_logging(scratch)
            pii.configure(scratch)
        load_models()
        db = Database(scratch)
        async with db.engine.begin() as conn:
            await conn.run_sync(Base.metadata.create_all)
        try:
            for index, case in enumerate(cases, 1):
                ref = dt.date.fromisoformat(str(case["ref_date"]))
                async with db.unit_of_work() as session:
                    out = await service.start_dialog(
                        session, DialogCreate(ref_date=ref, validate_policy=False), actor=SYSTEM
                    )
                facts = case.get("facts") or {}
                text = str(case["opening"])
                stated: set[str] | None = None
                asked: list[str] = []
                for _ in range(MAX_SIMULATED_TURNS):
                    async with db.unit_of_work() as session:
                        out = await service.take_dialog_turn(session, out.dialog_id, text, actor=SYSTEM)
                    if stated is None:
                        stated = {s for s in SLOTS if slot_equal(s, out.slots.get(s), facts.get(s))}
                    if out.state in ("done", "handoff"):
                        break
                    if out.expecting:
                        asked.append(out.expecting)
                    text = reporter_says(out.state, out.expecting, case.get("answers") or {})
                wrong = [s for s in SLOTS if not slot_equal(s, out.slots.get(s), facts.get(s))]
                stated = stated or set()
                results.append({
                    "case": index, "state": out.state, "questions": out.questions, "wrong": wrong,
                    "wrong_values": {s: {"expected": facts.get(s), "got": out.slots.get(s)} for s in wrong},
                    # what the opening left out is the fewest one-slot questions any dialog could ask
                    "unstated": len(SLOTS) - len(stated),
                    "needless": sum(1 for s in set(asked) if s in stated),
                })  # fmt: skip
        finally:
            await db.dispose()
    return score_dialogs(results)


def score_dialogs(results: list[dict[str, Any]]) -> dict[str, Any]:
    n = len(results)
    questions = [int(r["questions"]) for r in results]
    accurate = sum(1 for r in results if r["state"] == "done" and not r["wrong"])
    wrong_slots = Counter(s for r in results for s in r["wrong"])
    unstated = [int(r["unstated"]) for r in results if "unstated" in r]
    return {
        "cases": n,
        "whole_process_accuracy": round(accurate / n, 4) if n else None,
        "completed": sum(1 for r in results if r["state"] == "done"),
        "handoffs": sum(1 for r in results if r["state"] == "handoff"),
        "questions": {
            "median": statistics.median(questions) if questions else None,
            "mean": round(statistics.mean(questions), 2) if questions else None,
            "max": max(questions) if questions else None,
            "distribution": {str(k): v for k, v in sorted(Counter(questions).items())},
        },
        "wrong_slots": dict(wrong_slots.most_common()),
        # the floor: slots the openings did not state correctly; a dialog asking one slot per question
        # cannot ask fewer, and "needless" counts questions about slots the opening had already given
        "unstated": {
            "median": statistics.median(unstated) if unstated else None,
            "mean": round(statistics.mean(unstated), 2) if unstated else None,
        },
        "needless_questions": sum(int(r.get("needless", 0)) for r in results),
        # line number in the cases file, state and the slots that came out wrong, for the ones that failed
        "failures": [
            {"case": r.get("case"), "state": r["state"], "wrong": r.get("wrong_values", {})}
            for r in results if r["state"] != "done" or r["wrong"]
        ],
    }


# --------------------------------------------------------------------------------------------- commands


@claims_app.command("extract")
def extract_cmd(
    text: Annotated[str, typer.Argument(help="报案人说的一段话")],
    ref_date: Annotated[str | None, typer.Option("--ref-date", help="参考日期 YYYY-MM-DD，默认今天")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="输出 JSON")] = False,
) -> None:
    """从一段话中识别报案信息（九项）。"""
    from zhihui.nlu.claim_slots import extract_claim_slots
    from zhihui.platform.clock import today

    try:
        ref = dt.date.fromisoformat(ref_date) if ref_date else today()
    except ValueError as exc:
        raise typer.BadParameter("--ref-date 须为 YYYY-MM-DD") from exc
    result = extract_claim_slots(text, ref)
    stated = result.stated()
    if as_json:
        _echo({"slots": stated, "confidence": {k: v for k, v in result.confidence.items() if k in stated},
               "problems": result.problems, "partial": result.partial()})
        return
    for slot in SLOTS:
        if slot in stated:
            typer.echo(f"{slot}: {json.dumps(stated[slot], ensure_ascii=False)}")
    for slot, part in result.partial().items():
        typer.echo(f"{slot}（待补充）: {json.dumps(part, ensure_ascii=False)}")
    for slot, hint in result.problems.items():
        typer.echo(f"{slot}（有误）: {hint}")


@claims_app.command("hand-off-idle")
def hand_off_idle_cmd(
    minutes: Annotated[int, typer.Option("--minutes", min=1, help="闲置超过多少分钟的未完成报案转人工")] = 30,
) -> None:
    """把报案人中途离开的未完成报案转人工回电（适合由 cron 每几分钟运行一次）。"""
    from zhihui.claims.service import hand_off_idle_dialogs
    from zhihui.platform import pii
    from zhihui.platform.actor import SYSTEM
    from zhihui.platform.db import Database
    from zhihui.settings import get_settings

    async def run() -> list[str]:
        settings = get_settings()
        pii.configure(settings)
        db = Database(settings)
        try:
            async with db.unit_of_work() as session:
                return await hand_off_idle_dialogs(session, idle_minutes=minutes, actor=SYSTEM)
        finally:
            await db.dispose()

    report_nos = asyncio.run(run())
    typer.echo(f"转人工 {len(report_nos)} 个未完成报案" + (f"：{'、'.join(report_nos)}" if report_nos else ""))


@eval_app.command("claims")
def eval_claims(
    items: Annotated[Path, typer.Option("--items", exists=True, dir_okay=False, help="JSONL: ref_date, text, slots")],
    as_json: Annotated[bool, typer.Option("--json", help="输出 JSON")] = False,
) -> None:
    """报案信息识别评测：逐项精确率、召回率、F1 与整句完全正确率。"""
    report = evaluate_extraction(_read_jsonl(items, ("ref_date", "text", "slots")))
    if as_json:
        _echo(report)
        return
    typer.echo(f"样本 {report['items']} 条；整句完全正确 {report['exact_match']:.1%}")
    typer.echo(f"{'slot':<16}{'P':>8}{'R':>8}{'F1':>8}{'tp':>6}{'fp':>5}{'fn':>5}")
    for slot, m in report["slots"].items():
        typer.echo(
            f"{slot:<16}{m['precision']:>8.1%}{m['recall']:>8.1%}{m['f1']:>8.1%}{m['tp']:>6}{m['fp']:>5}{m['fn']:>5}"
        )
    m = report["micro"]
    typer.echo(
        f"{'micro':<16}{m['precision']:>8.1%}{m['recall']:>8.1%}{m['f1']:>8.1%}{m['tp']:>6}{m['fp']:>5}{m['fn']:>5}"
    )


@eval_app.command("claims-dialogs")
def eval_claims_dialogs(
    cases: Annotated[
        Path, typer.Option("--cases", exists=True, dir_okay=False, help="JSONL: ref_date, opening, facts, answers")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="输出 JSON")] = False,
) -> None:
    """报案对话评测：模拟报案人走完整个对话，统计全流程准确率与提问次数分布。"""
    rows = _read_jsonl(cases, ("ref_date", "opening", "facts", "answers"))
    report = asyncio.run(simulate_dialogs(rows))
    if as_json:
        _echo(report)
        return
    q = report["questions"]
    typer.echo(
        f"对话 {report['cases']} 个；全流程准确率 {report['whole_process_accuracy']:.1%}；"
        f"完成 {report['completed']}，转人工 {report['handoffs']}"
    )
    typer.echo(f"提问次数：中位数 {q['median']}，平均 {q['mean']}，最多 {q['max']}；分布 {q['distribution']}")
    u = report["unstated"]
    typer.echo(
        f"开场白未说清的项目数（一问一项时提问次数的下限）：中位数 {u['median']}，平均 {u['mean']}；"
        f"多余的提问 {report['needless_questions']} 次"
    )
    if report["wrong_slots"]:
        typer.echo(f"出错的项目：{report['wrong_slots']}")


def register(app: typer.Typer) -> None:
    from zhihui.cli import eval_group

    app.add_typer(claims_app, name="claims")
    group = eval_group(app)
    group.command("claims")(eval_claims)
    group.command("claims-dialogs")(eval_claims_dialogs)
