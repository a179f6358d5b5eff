"""Write the HTTP API reference (docs/api.md) from the application's OpenAPI schema.

    python -m zhihui.apidoc docs/api.md
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from zhihui.app import create_app
from zhihui.settings import Settings


def _schema_name(ref: dict[str, Any] | None) -> str:
    if not ref:
        return ""
    if "$ref" in ref:
        return str(ref["$ref"]).rsplit("/", 1)[-1]
    if ref.get("type") == "array":
        return f"list[{_schema_name(ref.get('items'))}]"
    return str(ref.get("type", ""))


def render_markdown(spec: dict[str, Any]) -> str:
    lines = [
        f"# {spec['info']['title']} — HTTP API reference",
        "",
        "Generated from the OpenAPI schema by `python -m zhihui.apidoc docs/api.md`; the live schema is at",
        "`/openapi.json` and the interactive version at `/docs`. Errors are `application/problem+json`",
        "(RFC 9457) with `type`, `title`, `status`, `detail` (Chinese, for the user), `code` (stable) and",
        "`errors[]` (`field`, `code`, `detail`) when specific fields failed.",
        "",
    ]
    by_tag: dict[str, list[tuple[str, str, dict[str, Any]]]] = {}
    for path, methods in sorted(spec["paths"].items()):
        for method, op in methods.items():
            tag = (op.get("tags") or ["other"])[0]
            by_tag.setdefault(tag, []).append((method.upper(), path, op))
    for tag, ops in by_tag.items():
        lines += [f"## {tag}", ""]
        for method, path, op in ops:
            lines.append(f"### `{method} {path}`")
            if op.get("summary"):
                lines.append(f"{op['summary']}.")
            params = [p for p in op.get("parameters", []) if p.get("in") in ("query", "path")]
            if params:
                lines.append("")
                lines.append("Parameters: " + ", ".join(f"`{p['name']}` ({p['in']})" for p in params))
            body = op.get("requestBody", {}).get("content", {})
            for media, content in body.items():
                lines.append("")
                lines.append(f"Request body ({media}): `{_schema_name(content.get('schema'))}`")
            for status, response in op.get("responses", {}).items():
                schema = response.get("content", {}).get("application/json", {}).get("schema")
                name = _schema_name(schema)
                lines.append(f"- {status}: {response.get('description', '')}{f' — `{name}`' if name else ''}")
            lines.append("")
    lines += ["## Schemas", ""]
    for name, schema in sorted(spec.get("components", {}).get("schemas", {}).items()):
        props = schema.get("properties", {})
        if not props:
            continue
        required = set(schema.get("required", []))
        lines.append(f"### {name}")
        lines.append("")
        lines.append("| field | type | required |")
        lines.append("|---|---|---|")
        for field, prop in props.items():
            kind = _schema_name(prop) or " | ".join(_schema_name(x) for x in prop.get("anyOf", []))
            if "enum" in prop:
                kind = " / ".join(f"`{v}`" for v in prop["enum"])
            lines.append(f"| `{field}` | {kind} | {'yes' if field in required else ''} |")
        lines.append("")
    return "\n".join(lines)


def main() -> None:
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/api.md")
    app = create_app(Settings(environment="test"))
    target.write_text(render_markdown(app.openapi()), encoding="utf-8")
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
