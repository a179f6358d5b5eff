"""Time `zhihui demo-data` for N customers into a fresh database (target: N = 100,000 under 60 s).

    .venv/bin/python bench/demo_data.py [--customers 100000] [--database-url URL]

Without --database-url a temporary SQLite file is used; a PostgreSQL URL must name an empty database.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import tempfile
import time
from pathlib import Path

from zhihui.app import load_models
from zhihui.platform import pii
from zhihui.platform.db import Base, Database
from zhihui.policy.demo import load_demo_data
from zhihui.settings import Settings


async def main(customers: int, url: str | None) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="zhihui-bench-"))
    settings = Settings(data_dir=tmp, database_url=url or f"sqlite+aiosqlite:///{tmp / 'bench.db'}")
    pii.configure(settings)
    load_models()
    db = Database(settings)
    async with db.engine.begin() as conn:
        await conn.run_sync(Base.metadata.drop_all)
        await conn.run_sync(Base.metadata.create_all)
    start = time.perf_counter()
    async with db.unit_of_work() as session:
        summary = await load_demo_data(session, customers=customers, seed=1, as_of=dt.date(2026, 6, 30))
    elapsed = time.perf_counter() - start
    await db.dispose()
    print(f"database          {db.dialect}")
    print(f"customers         {summary.customers}")
    print(f"policies          {summary.policies}")
    print(f"status counts     {summary.status_counts}")
    print(f"elapsed           {elapsed:.1f} s  ({summary.customers / elapsed:,.0f} customers/s)")
    verdict = "met" if customers >= 100_000 and elapsed < 60 else "not shown by this run"
    print(f"target            < 60 s for 100,000 customers: {verdict}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--database-url")
    args = parser.parse_args()
    asyncio.run(main(args.customers, args.database_url))
