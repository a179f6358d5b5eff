"""The checked-in migrations build exactly the schema the models describe, on this test's database."""

import asyncio

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from zhihui.platform.db import Base, Database, make_engine
from zhihui.platform.migrate import upgrade
from zhihui.settings import Settings


async def test_migrations_match_models(settings: Settings, db: Database, tmp_path: object) -> None:
    if db.dialect == "postgresql":
        admin = make_engine(settings.effective_database_url.rsplit("/", 1)[0] + "/postgres")
        name = "zhihui_migration_check"
        async with admin.connect() as conn:
            conn = await conn.execution_options(isolation_level="AUTOCOMMIT")
            await conn.execute(text(f"DROP DATABASE IF EXISTS {name}"))
            await conn.execute(text(f"CREATE DATABASE {name}"))
        url = settings.effective_database_url.rsplit("/", 1)[0] + f"/{name}"
    else:
        url = f"sqlite+aiosqlite:///{tmp_path}/migrated.db"
    try:
        await asyncio.to_thread(upgrade, url)
        engine = make_engine(url)
        async with engine.connect() as conn:

            def diff(sync_conn: object) -> list[object]:
                ctx = MigrationContext.configure(sync_conn, opts={"compare_type": True})  # type: ignore[arg-type]
                return list(compare_metadata(ctx, Base.metadata))

            differences = await conn.run_sync(diff)
        await engine.dispose()
        assert differences == []
    finally:
        if db.dialect == "postgresql":
            async with admin.connect() as conn:
                conn = await conn.execution_options(isolation_level="AUTOCOMMIT")
                await conn.execute(text(f"DROP DATABASE IF EXISTS {name}"))
            await admin.dispose()
