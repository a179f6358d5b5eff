"""Pages of the knowledge base: management, entry editor, robot training, hot topics, 秒懂保全, media, robot chat."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from markupsafe import escape
from pydantic import ValidationError

from zhihui.kb import demo, fileio, service
from zhihui.kb.api import ready_engine
from zhihui.kb.errors import KbError
from zhihui.kb.schemas import EntryIn
from zhihui.platform.auth import Permission, Principal
from zhihui.platform.clock import today
from zhihui.platform.errors import PayloadTooLarge, PlatformError, ZhihuiError
from zhihui.platform.web import AppSettings, Area, DbSession, OptionalPrincipal, register_area, render, require

router = APIRouter(include_in_schema=False)
Reader = Annotated[Principal, Depends(require(Permission.READ_KNOWLEDGE))]
Manager = Annotated[Principal, Depends(require(Permission.MANAGE_KB))]
Trainer = Annotated[Principal, Depends(require(Permission.TRAIN_ROBOT))]
HotViewer = Annotated[Principal, Depends(require(Permission.VIEW_HOT_TOPICS))]

register_area(
    Area(
        "knowledge",
        "秒懂保全",
        "/kb/knowledge",
        "保全知识即时搜索、操作视频、疑难解读、最热知识",
        Permission.READ_KNOWLEDGE,
    )
)
register_area(Area("kb", "知识库管理", "/kb/manage", "知识条目维护、导入导出、版本记录", Permission.MANAGE_KB))
register_area(
    Area("training", "机器人训练", "/kb/training", "未答、低置信度和差评问题归类，一键训练", Permission.TRAIN_ROBOT)
)
register_area(Area("hot", "咨询热点", "/kb/hot", "最热知识与上升中的未答问题", Permission.VIEW_HOT_TOPICS))

VIDEO_TYPES = {"video/mp4": ".mp4", "video/webm": ".webm"}
IMAGE_TYPES = {"image/jpeg": ".jpg", "image/png": ".png", "image/webp": ".webp"}


def _form_entry(form: dict[str, Any]) -> EntryIn:
    return EntryIn(
        id=str(form.get("id", "")).strip(),
        audience=form.get("audience", "customer"),
        category=str(form.get("category", "")).strip(),
        question=str(form.get("question", "")).strip(),
        paraphrases=[line.strip() for line in str(form.get("paraphrases", "")).splitlines() if line.strip()],
        answer=str(form.get("answer", "")).strip(),
        kind=form.get("kind", "faq"),
        business_line=str(form.get("business_line", "通用")).strip() or "通用",
        channels=[c.strip() for c in str(form.get("channels", "")).split(",") if c.strip()],
        valid_from=form.get("valid_from") or None,
        valid_until=form.get("valid_until") or None,
        status=form.get("status", "published"),
    )


@router.get("/kb/manage", response_class=HTMLResponse)
async def manage(
    request: Request,
    session: DbSession,
    principal: Manager,
    q: str = "",
    audience: str = "",
    status: str = "",
    notice: str = "",
) -> HTMLResponse:
    entries = await service.list_entries(
        session, query=q or None, audience=audience or None, status=status or None, limit=300
    )
    return render(
        request,
        "kb/manage.html",
        {
            "entries": entries,
            "counts": await service.count_entries(session),
            "q": q,
            "audience": audience,
            "status": status,
            "notice": notice,
            "stats": await service.training_stats(session),
        },
    )


@router.post("/kb/manage/import", response_class=HTMLResponse)
async def manage_import(
    request: Request,
    session: DbSession,
    principal: Manager,
    file: Annotated[UploadFile, File()],
    replace: Annotated[bool, Form()] = False,
) -> Response:
    fmt = fileio.detect_format(file.filename or "")
    errors: list[str] = []
    if not fmt:
        errors = ["不支持的文件格式，请使用 CSV、JSONL 或 XLSX。"]
    else:
        try:
            entries = fileio.parse_entries(await file.read(), fmt)
            report = await service.import_entries(session, entries, replace=replace, actor=principal.actor)
        except fileio.ImportProblems as problems:
            errors = [str(p) for p in problems.problems[:50]]
        except ZhihuiError as exc:
            errors = [exc.detail]
    if errors:
        return render(request, "kb/import_result.html", {"errors": errors}, status=422)
    notice = f"导入完成：新增 {report.created}，更新 {report.updated}，归档 {report.archived}"
    return RedirectResponse(f"/kb/manage?notice={notice}", status_code=303)


@router.get("/kb/manage/export")
async def manage_export(session: DbSession, principal: Manager, format: str = "xlsx") -> Response:
    if format not in ("jsonl", "csv", "xlsx"):
        format = "xlsx"
    data = fileio.export_entries(await service.all_entries(session), format)
    return Response(
        data,
        media_type="application/octet-stream",
        headers={"Content-Disposition": f'attachment; filename="zhihui-kb.{format}"'},
    )


@router.get("/kb/entries/new", response_class=HTMLResponse)
async def new_entry(request: Request, principal: Manager) -> HTMLResponse:
    return render(request, "kb/entry.html", {"entry": None, "form": {}, "versions": [], "attachments": []})


@router.post("/kb/entries/new", response_class=HTMLResponse, response_model=None)
async def create_entry(request: Request, session: DbSession, principal: Manager) -> Response:
    form = dict(await request.form())
    try:
        entry = await service.save_entry(session, _form_entry(form), actor=principal.actor, create=True)
    except (ValidationError, ZhihuiError) as exc:
        return render(
            request, "kb/entry.html", {"entry": None, "form": form, "error": _message(exc), "versions": []}, 422
        )
    return RedirectResponse(f"/kb/entries/{entry.entry_key}?saved=1", status_code=303)


def _message(exc: Exception) -> str:
    if isinstance(exc, ZhihuiError):
        return exc.detail
    if isinstance(exc, ValidationError):
        fields = {str(e["loc"][0]) for e in exc.errors() if e.get("loc")}
        labels = {"id": "编号", "question": "标准问题", "answer": "答案", "audience": "适用对象", "status": "状态"}
        return "请检查：" + "、".join(labels.get(f, f) for f in sorted(fields))
    return "保存失败"


@router.get("/kb/entries/{entry_key}", response_class=HTMLResponse)
async def edit_entry(
    request: Request, entry_key: str, session: DbSession, principal: Manager, saved: int = 0
) -> HTMLResponse:
    entry = await service.get_entry(session, entry_key)
    data = service.entry_in(entry)
    form = data.model_dump()
    form["paraphrases"] = "\n".join(data.paraphrases)
    form["channels"] = ",".join(data.channels)
    return render(
        request,
        "kb/entry.html",
        {
            "entry": entry,
            "form": form,
            "versions": await service.entry_versions(session, entry.id),
            "attachments": await service.attachments_of(session, entry.id),
            "notice": "已保存" if saved else "",
        },
    )


@router.post("/kb/entries/{entry_key}", response_class=HTMLResponse, response_model=None)
async def update_entry(request: Request, entry_key: str, session: DbSession, principal: Manager) -> Response:
    form = dict(await request.form())
    form["id"] = entry_key
    try:
        await service.save_entry(session, _form_entry(form), actor=principal.actor, create=False)
    except (ValidationError, ZhihuiError) as exc:
        entry = await service.get_entry(session, entry_key)
        context = {"entry": entry, "form": form, "error": _message(exc), "versions": [], "attachments": []}
        return render(request, "kb/entry.html", context, 422)
    return RedirectResponse(f"/kb/entries/{entry_key}?saved=1", status_code=303)


@router.post("/kb/entries/{entry_key}/attachments", response_model=None)
async def upload_attachment(
    request: Request,
    entry_key: str,
    session: DbSession,
    settings: AppSettings,
    principal: Manager,
    file: Annotated[UploadFile, File()],
    title: Annotated[str, Form()] = "",
) -> Response:
    content_type = (file.content_type or "").split(";")[0]
    suffix = VIDEO_TYPES.get(content_type) or IMAGE_TYPES.get(content_type)
    if suffix is None:
        raise ZhihuiError(KbError.ATTACHMENT_TYPE, field="file")
    target_dir = settings.media_dir / "kb"
    target_dir.mkdir(parents=True, exist_ok=True)
    name = f"{uuid.uuid4().hex}{suffix}"
    limit = settings.kb.max_attachment_mb * 1024 * 1024
    size = 0
    with (target_dir / name).open("wb") as out:
        while chunk := await file.read(1024 * 1024):
            size += len(chunk)
            if size > limit:
                out.close()
                (target_dir / name).unlink(missing_ok=True)
                raise PayloadTooLarge(PlatformError.PAYLOAD_TOO_LARGE, field="file")
            out.write(chunk)
    await service.add_attachment(
        session,
        entry_key,
        kind="video" if content_type in VIDEO_TYPES else "image",
        title=title.strip() or (file.filename or name),
        filename=file.filename or name,
        content_type=content_type,
        size=size,
        storage_path=f"kb/{name}",
        actor=principal.actor,
    )
    return RedirectResponse(f"/kb/entries/{entry_key}?saved=1", status_code=303)


@router.get("/kb/media/{attachment_id}")
async def media(attachment_id: int, session: DbSession, settings: AppSettings) -> FileResponse:
    """Images and operation videos; HTTP range requests let the browser seek in videos."""
    attachment = await service.get_attachment(session, attachment_id)
    if attachment.storage_path.startswith("package:"):
        path = Path(demo.media_path(attachment.storage_path.removeprefix("package:")))
    else:
        path = (settings.media_dir / attachment.storage_path).resolve()
        if settings.media_dir.resolve() not in path.parents:
            raise ZhihuiError(KbError.ATTACHMENT_NOT_FOUND)
    if not path.is_file():
        raise ZhihuiError(KbError.ATTACHMENT_NOT_FOUND)
    return FileResponse(path, media_type=attachment.content_type, headers={"Cache-Control": "private, max-age=3600"})


# --- training -------------------------------------------------------------------------------------------


@router.get("/kb/training", response_class=HTMLResponse)
async def training(request: Request, session: DbSession, principal: Trainer, audience: str = "") -> HTMLResponse:
    await request.app.state.kb_writer.flush()
    groups = await service.training_groups(session, audience=audience or None)
    return render(
        request,
        "kb/training.html",
        {"groups": groups, "audience": audience, "stats": await service.training_stats(session)},
    )


def _ids(raw: str) -> list[int]:
    return [int(x) for x in raw.split(",") if x.strip().isdigit()]


@router.post("/kb/training/paraphrase", response_class=HTMLResponse)
async def training_paraphrase(
    session: DbSession,
    principal: Trainer,
    ask_ids: Annotated[str, Form()],
    entry_id: Annotated[str, Form()],
) -> HTMLResponse:
    try:
        added = await service.add_paraphrases_from_asks(session, _ids(ask_ids), entry_id.strip(), actor=principal.actor)
    except ZhihuiError as exc:
        return HTMLResponse(f'<div class="error" data-code="{exc.code}">{escape(exc.detail)}</div>')
    return HTMLResponse(
        f'<div class="notice" data-done="paraphrase">已加入 {escape(entry_id)} 的相似问法'
        f"（{len(added)} 条），机器人已更新。</div>"
    )


@router.post("/kb/training/draft", response_class=HTMLResponse)
async def training_draft(session: DbSession, principal: Trainer, ask_ids: Annotated[str, Form()]) -> HTMLResponse:
    entry = await service.draft_entry_from_asks(session, _ids(ask_ids), actor=principal.actor)
    return HTMLResponse(
        f'<div class="notice" data-done="draft">已创建草稿 '
        f'<a href="/kb/entries/{entry.entry_key}">{entry.entry_key}</a>，'
        "请补充答案后发布。</div>"
    )


@router.post("/kb/training/dismiss", response_class=HTMLResponse)
async def training_dismiss(session: DbSession, principal: Trainer, ask_ids: Annotated[str, Form()]) -> HTMLResponse:
    await service.dismiss_asks(session, _ids(ask_ids), actor=principal.actor)
    return HTMLResponse('<div class="muted" data-done="dismiss">已忽略</div>')


# --- hot topics -----------------------------------------------------------------------------------------


@router.get("/kb/hot", response_class=HTMLResponse)
async def hot(request: Request, principal: HotViewer, window: str = "1d", audience: str = "") -> HTMLResponse:
    return render(request, "kb/hot.html", {"window": window, "audience": audience})


# --- 秒懂保全 (agents' knowledge) -------------------------------------------------------------------------


@router.get("/kb/knowledge", response_class=HTMLResponse)
async def knowledge(request: Request, session: DbSession, principal: Reader, category: str = "") -> HTMLResponse:
    await request.app.state.kb_writer.flush()
    hot_topics = await service.hot_topics(session, window="7d", audience="agent", limit=10)
    entries = await service.list_entries(
        session, audience="agent", status="published", category=category or None, limit=200
    )
    return render(
        request,
        "kb/knowledge.html",
        {
            "tree": await service.category_tree(session, audience="agent"),
            "hot": hot_topics.entries,
            "category": category,
            "entries": entries if category else [e for e in entries if e.kind == "article"][:20],
        },
    )


@router.get("/kb/knowledge/search", response_class=HTMLResponse)
async def knowledge_search(request: Request, principal: Reader, q: str = "") -> HTMLResponse:
    results: list[Any] = []
    if q.strip():
        engine = await ready_engine(request)
        hits = engine.search(q, "agent", channel=None, on=today(), k=8)
        results = [engine.entries[h.entry_id] for h in hits if h.entry_id in engine.entries]
    return render(request, "kb/_results.html", {"results": results, "q": q})


@router.get("/kb/knowledge/{entry_key}", response_class=HTMLResponse)
async def knowledge_entry(request: Request, entry_key: str, session: DbSession, principal: Reader) -> HTMLResponse:
    entry = await service.get_entry(session, entry_key)
    if entry.status != "published":
        raise ZhihuiError(KbError.ENTRY_NOT_FOUND)
    return render(
        request, "kb/article.html", {"entry": entry, "attachments": await service.attachments_of(session, entry.id)}
    )


# --- customer robot (洋洋 web channel) --------------------------------------------------------------------


@router.get("/h5/robot", response_class=HTMLResponse)
async def robot(request: Request, principal: OptionalPrincipal) -> HTMLResponse:
    return render(request, "kb/robot.html", {})
