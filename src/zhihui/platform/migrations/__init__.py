"""Alembic migrations, run through ``zhihui db upgrade`` (see ``zhihui.platform.migrate``)."""
