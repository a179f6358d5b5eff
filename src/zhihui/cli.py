"""The ``zhihui`` command: serve, migrate, load demo data, and the product tools (kb, claims, eval…)."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from zhihui.settings import Settings, get_settings

T = TypeVar("T")

app = typer.Typer(help="智·慧服务 zhihui: 寿险数字化服务平台", no_args_is_help=True, add_completion=False)
db_app = typer.Typer(help="数据库迁移", no_args_is_help=True)
staff_app = typer.Typer(help="工作人员账号", no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(staff_app, name="staff")


def _prepare(settings: Settings) -> None:
    from zhihui.app import load_models
    from zhihui.platform import pii
    from zhihui.platform.logging import configure_logging

    configure_logging(settings)
    pii.configure(settings)
    load_models()


def run_with_db(settings: Settings, work: Callable[[Any], Awaitable[T]]) -> T:
    """Run ``work(session)`` in one unit of work against the configured database."""
    from zhihui.platform.db import Database

    _prepare(settings)

    async def _main() -> T:
        db = Database(settings)
        try:
            async with db.unit_of_work() as session:
                return await work(session)
        finally:
            await db.dispose()

    return asyncio.run(_main())


def read_jsonl(path: Path, required: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """Lines of a JSONL file; a bad line stops with its line number (Chinese message)."""
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise typer.BadParameter(f"{path} 第{number}行不是合法的 JSON") from exc
        missing = [k for k in required if k not in row]
        if missing:
            raise typer.BadParameter(f"{path} 第{number}行缺少 {', '.join(missing)}")
        rows.append(row)
    return rows


def echo_json(data: Any) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="监听地址")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="端口")] = 8000,
    workers: Annotated[int, typer.Option(help="进程数（多进程需 PostgreSQL，并建议配置 Redis）")] = 1,
) -> None:
    """启动服务。"""
    import uvicorn

    # The standard asyncio loop, not uvloop: when the robot's searches keep a worker busy, uvloop served
    # some connections over a second late while others went first (bench/kb_ask.py, 50 clients: p99
    # 0.9 s and requests timing out), where asyncio kept every request in arrival order (p99 0.2 s).
    if workers > 1:
        uvicorn.run(
            "zhihui.app:create_app",
            factory=True,
            host=host,
            port=port,
            workers=workers,
            log_config=None,
            loop="asyncio",
        )
    else:
        from zhihui.app import create_app

        uvicorn.run(create_app(), host=host, port=port, log_config=None, loop="asyncio")


@db_app.command("upgrade")
def db_upgrade(revision: str = "head") -> None:
    """把数据库迁移到最新结构。"""
    from zhihui.platform.migrate import upgrade

    settings = get_settings()
    _prepare(settings)
    upgrade(settings.effective_database_url, revision)
    typer.echo(f"数据库已迁移到 {revision}")


@db_app.command("revision")
def db_revision(message: Annotated[str, typer.Option("-m", "--message")]) -> None:
    """（开发）根据模型变化生成迁移脚本。"""
    from zhihui.platform.migrate import revision

    settings = get_settings()
    _prepare(settings)
    revision(settings.effective_database_url, message)


@db_app.command("current")
def db_current() -> None:
    """显示数据库当前迁移版本。"""
    from zhihui.platform.migrate import current

    settings = get_settings()
    _prepare(settings)
    current(settings.effective_database_url)


@app.command("demo-data")
def demo_data(
    customers: Annotated[int, typer.Option(help="客户数")] = 2000,
    seed: Annotated[int, typer.Option(help="随机种子（相同种子生成相同数据）")] = 20201231,
    as_of: Annotated[str | None, typer.Option(help="数据基准日 YYYY-MM-DD，默认今天")] = None,
    if_empty: Annotated[bool, typer.Option(help="已有数据时跳过")] = False,
) -> None:
    """生成演示数据：客户、六类产品、各种状态的保单、分支机构、业务员和工作人员。"""
    from zhihui.platform.clock import today
    from zhihui.policy.demo import has_demo_data, load_demo_data

    settings = get_settings()
    day = dt.date.fromisoformat(as_of) if as_of else None

    async def work(session: Any) -> None:
        if await has_demo_data(session):
            if if_empty:
                typer.echo("已有数据，跳过演示数据。")
                return
            raise typer.BadParameter("数据库中已有客户数据；演示数据只能装入空库。")
        summary = await load_demo_data(session, customers=customers, seed=seed, as_of=day or today())
        typer.echo(
            f"演示数据：客户 {summary.customers}，保单 {summary.policies}，工作人员 {summary.staff}；"
            f"保单状态 {summary.status_counts}"
        )
        if summary.debit_in_flight_policy_no:
            typer.echo(f"续期保费划款中的演示保单：{summary.debit_in_flight_policy_no}（业务员 yewuyuan 的客户）")
        await _load_extras(session)

    run_with_db(settings, work)


async def _load_extras(session: Any) -> None:
    """Demo content of the product modules (knowledge base …), when those modules are installed."""
    from importlib import import_module

    for module in ("kb",):
        try:
            demo = import_module(f"zhihui.{module}.demo")
        except ModuleNotFoundError:
            continue
        message = await demo.load_demo(session)
        if message:
            typer.echo(message)


@app.command()
def demo(
    host: str = "127.0.0.1",
    port: int = 8000,
    customers: Annotated[int, typer.Option(help="空库时生成的演示客户数")] = 2000,
) -> None:
    """一条命令体验：迁移数据库，空库时装入演示数据，然后启动服务。"""
    from zhihui.policy.demo import DEMO_PASSWORD, STAFF

    db_upgrade()
    demo_data(customers=customers, seed=20201231, as_of=None, if_empty=True)
    settings = get_settings()

    async def first_customer(session: Any) -> tuple[str, str] | None:
        from sqlalchemy import select

        from zhihui.policy.models import Customer

        c = await session.scalar(select(Customer).order_by(Customer.id).limit(1))
        return (c.name, c.phone) if c else None

    who = run_with_db(settings, first_customer)
    base = f"http://{host}:{port}"
    typer.echo("\n智·慧服务 已就绪：")
    typer.echo(f"  工作台      {base}/login")
    typer.echo(f"  客户 H5     {base}/h5/login")
    typer.echo(f"  短信发件箱  {base}/demo/sms   （演示短信通道，验证码在此查看）")
    typer.echo(f"  API 文档    {base}/docs")
    typer.echo(f"  健康检查    {base}/healthz")
    typer.echo(f"\n演示账号（密码均为 {DEMO_PASSWORD}）：")
    for username, display, role, _branch, _agent in STAFF:
        typer.echo(f"  {username:<10} {display}（{role}）")
    if who:
        typer.echo(f"演示客户：{who[0]}，手机号 {who[1]}（在客户 H5 用短信验证码登录）\n")
    serve(host=host, port=port, workers=1)


@staff_app.command("add")
def staff_add(
    username: str,
    role: Annotated[str, typer.Option(help="admin / online_agent / cloud_teller / sales_agent / expert / reviewer")],
    display_name: Annotated[str, typer.Option("--name")] = "",
    password: Annotated[str, typer.Option(prompt=True, hide_input=True, confirmation_prompt=True)] = "",
) -> None:
    """新增工作人员账号。"""
    from zhihui.platform.actor import SYSTEM
    from zhihui.platform.auth import create_staff_user

    async def work(session: Any) -> None:
        await create_staff_user(
            session,
            username=username,
            password=password,
            display_name=display_name or username,
            role=role,
            actor=SYSTEM,
        )

    run_with_db(get_settings(), work)
    typer.echo(f"已创建 {username}")


_eval_app: typer.Typer | None = None


def eval_group(root: typer.Typer) -> typer.Typer:
    """The shared ``zhihui eval`` group; product modules add their evaluations to it."""
    global _eval_app
    if _eval_app is None:
        _eval_app = typer.Typer(help="评测：在独立数据集上测量准确率", no_args_is_help=True)
        root.add_typer(_eval_app, name="eval")
    return _eval_app


def register_plugins() -> None:
    """Product modules add their sub-commands (kb, claims, eval, identity) from their ``cli.py``."""
    from importlib import import_module

    for module in ("kb", "claims", "identity", "servicing", "evaluation"):
        try:
            mod = import_module(f"zhihui.{module}.cli")
        except ModuleNotFoundError as exc:
            if exc.name and exc.name.startswith("zhihui."):
                continue
            raise
        mod.register(app)


def main() -> None:
    register_plugins()
    app()


if __name__ == "__main__":
    main()
