"""``zhihui identity``: compare two photos (the checks use it) and enrol reference photos."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from zhihui import settings as settings_module

identity_app = typer.Typer(help="人脸核身：照片比对、证件照底库登记", no_args_is_help=True)

#: Exit code for an unusable image (no face, cut off, corrupt …); 0 means a verdict was reached.
EXIT_UNUSABLE = 2
EXIT_REFUSED = 1


def register(app: typer.Typer) -> None:
    app.add_typer(identity_app, name="identity")


@identity_app.command("verify")
def verify(
    reference: Annotated[Path, typer.Argument(exists=True, dir_okay=False, readable=True, help="参照照片（证件照）")],
    probe: Annotated[Path, typer.Argument(exists=True, dir_okay=False, readable=True, help="待比对照片（现场照）")],
    json_output: Annotated[bool, typer.Option("--json", help="输出 JSON")] = False,
) -> None:
    """比对两张照片是否为同一人：输出 match / distance / threshold / quality。"""
    from zhihui.cli import echo_json
    from zhihui.identity.authority import verify_photos
    from zhihui.identity.face import FaceQualityError

    settings = settings_module.get_settings()
    try:
        result = verify_photos(reference.read_bytes(), probe.read_bytes(), settings=settings.identity)
    except FaceQualityError as exc:
        problem: dict[str, Any] = {"code": exc.code.value, "detail": exc.hint, "image": exc.detail.split(":")[0]}
        if json_output:
            echo_json(problem)
        else:
            typer.echo(f"无法比对（{exc.code.value}）：{exc.hint}", err=True)
        raise typer.Exit(EXIT_UNUSABLE) from exc
    if json_output:
        echo_json(result.as_dict())
        return
    verdict = "同一人" if result.match else "不是同一人"
    typer.echo(f"{verdict}：距离 {result.distance:.4f}（阈值 {result.threshold}）")


@identity_app.command("enrol")
def enrol(
    photo: Annotated[Path, typer.Argument(exists=True, dir_okay=False, readable=True, help="证件照片")],
    id_number: Annotated[str, typer.Option("--id-number", help="身份证号码")],
    name: Annotated[str, typer.Option("--name", help="姓名（须与身份证号码对应的客户一致）")],
    source: Annotated[str, typer.Option(help="照片来源，如 underwriting / counter")] = "cli",
) -> None:
    """登记（或替换）客户的证件照片，供本地人脸比对使用。"""
    from zhihui.cli import run_with_db
    from zhihui.identity.verification import enrol_reference, reference_out
    from zhihui.platform.actor import Actor
    from zhihui.platform.errors import ZhihuiError

    settings = settings_module.get_settings()
    data = photo.read_bytes()

    async def work(session: Any) -> str:
        ref = await enrol_reference(
            session,
            name=name,
            id_number=id_number,
            photo=data,
            actor=Actor(kind="system", name="cli"),
            settings=settings.identity,
            source=source,
        )
        out = reference_out(ref)
        return f"已登记：{out.name_masked}（{out.id_number_masked}），底库编号 {out.id}"

    try:
        message = run_with_db(settings, work)
    except ZhihuiError as exc:
        typer.echo(f"登记失败（{exc.code}）：{exc.detail}", err=True)
        raise typer.Exit(EXIT_REFUSED) from exc
    typer.echo(message)
