"""docs/api.md is generated from the OpenAPI schema; this keeps it from drifting (run `make docs`)."""

from pathlib import Path

from zhihui.apidoc import render_markdown
from zhihui.app import create_app
from zhihui.settings import Settings


def test_api_reference_is_current(settings: Settings) -> None:
    doc = Path(__file__).resolve().parents[2] / "docs" / "api.md"
    assert doc.read_text(encoding="utf-8") == render_markdown(create_app(settings).openapi()), "run `make docs`"
