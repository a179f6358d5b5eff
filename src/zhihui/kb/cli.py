"""``zhihui kb …`` (import, export, ask, tune) and ``zhihui eval kb``."""

from __future__ import annotations

import asyncio
import json
import statistics
import tempfile
import time
from pathlib import Path
from typing import Annotated, Any

import typer

from zhihui.platform.actor import SYSTEM

kb_app = typer.Typer(help="知识库：导入、导出、问答、阈值调优", no_args_is_help=True)


def _read_questions(path: Path) -> list[dict[str, Any]]:
    from zhihui.cli import read_jsonl

    return read_jsonl(path, ("q",))


def _audience_of(row: dict[str, Any], entry_audience: dict[str, str]) -> str:
    if row.get("audience") in ("customer", "agent"):
        return str(row["audience"])
    expected = row.get("id")
    aud = entry_audience.get(str(expected), "customer") if expected else "customer"
    return "agent" if aud == "agent" else "customer"


def _parse_file(path: Path) -> list[Any]:
    from zhihui.kb import fileio

    fmt = fileio.detect_format(path.name)
    if not fmt:
        raise typer.BadParameter("不支持的文件格式，请使用 .csv、.jsonl 或 .xlsx")
    try:
        return fileio.parse_entries(path.read_bytes(), fmt)
    except fileio.ImportProblems as problems:
        for p in problems.problems:
            typer.echo(str(p), err=True)
        typer.echo(f"共 {len(problems.problems)} 处错误，未导入任何条目。", err=True)
        raise typer.Exit(2) from problems


@kb_app.command("import")
def import_cmd(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="CSV / JSONL / XLSX")],
    replace: Annotated[
        bool, typer.Option("--replace", help="以文件为准：更新同编号条目，归档文件中没有的条目")
    ] = False,
) -> None:
    """导入知识条目（一个事务：有任何一行错误则全部不导入）。"""
    from zhihui.cli import run_with_db
    from zhihui.kb import service
    from zhihui.settings import get_settings

    entries = _parse_file(file)

    async def work(session: Any) -> Any:
        return await service.import_entries(session, entries, replace=replace, actor=SYSTEM)

    report = run_with_db(get_settings(), work)
    typer.echo(
        f"导入完成：新增 {report.created}，更新 {report.updated}，归档 {report.archived}，用时 {report.seconds:.1f} 秒"
    )


@kb_app.command("export")
def export_cmd(file: Annotated[Path, typer.Argument(dir_okay=False, help="目标文件 .csv / .jsonl / .xlsx")]) -> None:
    """导出全部知识条目。"""
    from zhihui.cli import run_with_db
    from zhihui.kb import fileio, service
    from zhihui.settings import get_settings

    fmt = fileio.detect_format(file.name)
    if not fmt:
        raise typer.BadParameter("不支持的文件格式，请使用 .csv、.jsonl 或 .xlsx")

    async def work(session: Any) -> int:
        entries = await service.all_entries(session)
        file.write_bytes(fileio.export_entries(entries, fmt))
        return len(entries)

    n = run_with_db(get_settings(), work)
    typer.echo(f"已导出 {n} 条到 {file}")


async def _engine_from_db(session: Any, settings: Any) -> Any:
    from zhihui.kb import service
    from zhihui.kb.engine import KbEngine

    engine = KbEngine(settings)
    await service.load_engine(session, engine)
    return engine


@kb_app.command("ask")
def ask_cmd(
    text: str,
    audience: Annotated[str, typer.Option(help="customer 或 agent")] = "customer",
    channel: Annotated[str | None, typer.Option(help="渠道")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="输出 JSON（与 API 相同）")] = False,
) -> None:
    """向机器人提问（与 POST /api/v1/kb/ask 同一逻辑）。"""
    from zhihui.cli import run_with_db
    from zhihui.kb import service
    from zhihui.settings import get_settings

    if audience not in ("customer", "agent"):
        raise typer.BadParameter("audience 只能是 customer 或 agent")
    settings = get_settings()

    async def work(session: Any) -> Any:
        engine = await _engine_from_db(session, settings)
        response, _ = service.answer_question(engine, text, audience=audience, channel=channel)
        return response

    response = run_with_db(settings, work)
    if as_json:
        typer.echo(json.dumps(response.model_dump(exclude={"ask_id", "message"}), ensure_ascii=False))
    else:
        typer.echo(f"[{response.outcome} {response.confidence:.2f}] {response.message}")
        for s in response.suggestions:
            typer.echo(f"  - {s.entry_id} {s.question} ({s.confidence:.2f})")


@kb_app.command("tune")
def tune_cmd(
    questions: Annotated[Path, typer.Option(exists=True, dir_okay=False, help='JSONL: {"q", "id", "audience"?}')],
    target_precision: Annotated[float, typer.Option(help="回答准确率目标")] = 0.98,
    save: Annotated[bool, typer.Option(help="把选出的阈值写入数据库（设置中的阈值仍优先）")] = True,
) -> None:
    """在开发集上选择各类用户的回答阈值。"""
    from zhihui.cli import run_with_db
    from zhihui.kb import service
    from zhihui.kb.retrieval import tune_thresholds
    from zhihui.settings import get_settings

    rows = _read_questions(questions)
    settings = get_settings()

    async def work(session: Any) -> dict[str, Any]:
        engine = await _engine_from_db(session, settings)
        audiences = {k: v.audience for k, v in engine.entries.items()}
        chosen: dict[str, Any] = {}
        for audience in ("customer", "agent"):
            labelled = [(str(r["q"]), r.get("id"), audience) for r in rows if _audience_of(r, audiences) == audience]
            if not labelled or engine.index is None:
                continue
            thresholds = tune_thresholds(engine.index, labelled, target_precision=target_precision)
            chosen[audience] = {"answer": thresholds.answer, "clarify": thresholds.clarify, "questions": len(labelled)}
            if save:
                await service.save_thresholds(session, audience, thresholds, source=str(questions), actor=SYSTEM)
        return chosen

    chosen = run_with_db(settings, work)
    for audience, values in chosen.items():
        typer.echo(
            f"{audience}: answer={values['answer']} clarify={values['clarify']}（{values['questions']} 个问题）"
            f"  → ZHIHUI_KB__ANSWER_THRESHOLD_{audience.upper()}={values['answer']}"
        )


def eval_kb(
    kb: Annotated[Path, typer.Option(exists=True, dir_okay=False, help="知识库文件 CSV/JSONL/XLSX")],
    questions: Annotated[
        Path, typer.Option(exists=True, dir_okay=False, help='JSONL: {"q", "id"}，id 为 null 表示不在范围内')
    ],
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """把知识库导入临时数据库，逐一提问，输出准确率、回答率、拒答率和延迟。"""
    result = asyncio.run(evaluate_kb(kb, questions))
    if as_json:
        typer.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    m = result["metrics"]
    typer.echo(
        f"知识条目 {result['entries']}，问题 {m['n_questions']}"
        f"（范围内 {m['n_in_scope']}，范围外 {m['n_out_of_scope']}）"
    )
    typer.echo(f"top-1 准确率（范围内）  {m['top1_accuracy']:.3f}")
    typer.echo(f"回答率（范围内）        {m['answer_rate']:.3f}")
    typer.echo(f"正确条目已展示（范围内）{m['shown_rate']:.3f}")
    typer.echo(f"回答准确率              {m['answer_precision']:.3f}（共回答 {m['answers_given']} 次）")
    typer.echo(f"范围外拒答率            {m['oos_rejection_rate']:.3f}")
    typer.echo(f"延迟 p50 / p99          {m['latency_p50_ms']:.1f} / {m['latency_p99_ms']:.1f} ms")
    typer.echo(f"阈值                    {result['thresholds']}；建库 {result['build_seconds']:.1f} 秒")


async def evaluate_kb(kb: Path, questions: Path) -> dict[str, Any]:
    """The evaluation behind ``zhihui eval kb``: same import and answering code as the service."""
    from zhihui.app import load_models
    from zhihui.kb import service
    from zhihui.kb.engine import KbEngine
    from zhihui.kb.evaluation import QuestionResult, evaluate
    from zhihui.platform import pii
    from zhihui.platform.db import Base, Database
    from zhihui.platform.logging import configure_logging
    from zhihui.settings import get_settings

    entries = _parse_file(kb)
    rows = _read_questions(questions)
    with tempfile.TemporaryDirectory(prefix="zhihui-eval-") as tmp:
        base = get_settings()
        settings = base.model_copy(
            update={"data_dir": Path(tmp), "database_url": f"sqlite+aiosqlite:///{tmp}/eval.db", "log_level": "WARNING"}
        )
        configure_logging(settings)
        pii.configure(settings)
        load_models()
        db = Database(settings)
        async with db.engine.begin() as conn:
            await conn.run_sync(Base.metadata.create_all)
        async with db.unit_of_work() as session:
            await service.import_entries(session, entries, replace=False, actor=SYSTEM)
        started = time.perf_counter()
        engine = KbEngine(settings)
        async with db.sessionmaker() as session:
            await service.load_engine(session, engine)
        build_seconds = time.perf_counter() - started
        await db.dispose()
    audiences = {e.id: e.audience for e in entries}
    results = []
    for row in rows:
        audience = _audience_of(row, audiences)
        t0 = time.perf_counter()
        response, _ = service.answer_question(engine, str(row["q"]), audience=audience)
        latency = (time.perf_counter() - t0) * 1000
        top = response.entry_id or (response.suggestions[0].entry_id if response.suggestions else None)
        suggested = tuple(sug.entry_id for sug in response.suggestions)
        results.append(QuestionResult(row.get("id"), response.outcome, top, latency, suggested))
    metrics = evaluate(results).to_dict()
    return {
        "entries": len(entries),
        "metrics": metrics,
        "thresholds": {a: engine.thresholds(a).__dict__ for a in ("customer", "agent")},
        "build_seconds": round(build_seconds, 2),
        "median_latency_ms": round(statistics.median([r.latency_ms for r in results]), 2) if results else 0.0,
    }


def register(app: typer.Typer) -> None:
    from zhihui.cli import eval_group

    app.add_typer(kb_app, name="kb")
    eval_group(app).command("kb")(eval_kb)
