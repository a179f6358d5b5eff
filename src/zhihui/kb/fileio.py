"""Reading and writing knowledge-base files: CSV, JSONL and XLSX with the columns
``id, audience, category, question, paraphrases, answer`` (paraphrases a JSON list in JSONL, ``|``-separated
in CSV and XLSX; optional columns ``kind, business_line, channels, valid_from, valid_until, status``).

Every row is validated before anything is written; problems are reported with their row numbers
(the header is row 1 in CSV/XLSX, the first line is row 1 in JSONL).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from zhihui.kb.schemas import EntryIn

COLUMNS = ("id", "audience", "category", "question", "paraphrases", "answer")
OPTIONAL = ("kind", "business_line", "channels", "valid_from", "valid_until", "status")
_FIELD_LABELS = {
    "id": "编号",
    "audience": "适用对象",
    "category": "分类",
    "question": "标准问题",
    "paraphrases": "相似问法",
    "answer": "答案",
    "kind": "类型",
    "status": "状态",
}


@dataclass(frozen=True)
class RowProblem:
    row: int
    message: str

    def __str__(self) -> str:
        return f"第{self.row}行：{self.message}"


class ImportProblems(Exception):
    def __init__(self, problems: Sequence[RowProblem]) -> None:
        self.problems = list(problems)
        super().__init__("; ".join(str(p) for p in self.problems[:20]))


def detect_format(name: str) -> str:
    suffix = Path(name).suffix.lower()
    return {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".xlsx": "xlsx"}.get(suffix, "")


def _split_paraphrases(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    text = str(value).strip()
    if text.startswith("["):
        try:
            loaded = json.loads(text)
            if isinstance(loaded, list):
                return [str(v).strip() for v in loaded if str(v).strip()]
        except json.JSONDecodeError:
            pass
    return [p.strip() for p in text.split("|") if p.strip()]


def _split_channels(value: Any) -> list[str]:
    if not value:
        return []
    if isinstance(value, list):
        return [str(v) for v in value]
    return [c.strip() for c in str(value).replace("，", ",").split(",") if c.strip()]


def _describe(err: ValidationError) -> str:
    parts = []
    for e in err.errors():
        field = str(e["loc"][0]) if e.get("loc") else ""
        label = _FIELD_LABELS.get(field, field)
        kind = e.get("type", "")
        if kind == "missing" or (kind == "string_too_short" and field == "answer"):
            parts.append(f"缺少{label}")
        elif kind == "literal_error":
            parts.append(f"{label}取值不正确")
        elif kind == "string_pattern_mismatch":
            parts.append(f"{label}只能包含字母、数字、点、下划线和连字符")
        elif kind == "string_too_short":
            parts.append(f"{label}太短")
        elif kind == "string_too_long":
            parts.append(f"{label}太长")
        else:
            parts.append(f"{label}不正确")
    return "；".join(parts)


def _rows_from_jsonl(data: bytes) -> Iterable[tuple[int, dict[str, Any] | RowProblem]]:
    text = data.decode("utf-8-sig")
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError:
            yield number, RowProblem(number, "不是合法的 JSON")
            continue
        if not isinstance(obj, dict):
            yield number, RowProblem(number, "应为 JSON 对象")
            continue
        yield number, obj


def _rows_from_table(
    header: Sequence[Any], rows: Iterable[Sequence[Any]]
) -> Iterable[tuple[int, dict[str, Any] | RowProblem]]:
    names = [str(h).strip().lower() if h is not None else "" for h in header]
    missing = [c for c in COLUMNS if c not in names]
    if missing:
        yield 1, RowProblem(1, "表头缺少列：" + "、".join(missing))
        return
    for number, row in enumerate(rows, start=2):
        values = list(row)
        if not any(v not in (None, "") for v in values):
            continue
        yield number, {names[i]: values[i] for i in range(min(len(names), len(values))) if names[i]}


def _rows_from_csv(data: bytes) -> Iterable[tuple[int, dict[str, Any] | RowProblem]]:
    text = data.decode("utf-8-sig")
    reader = csv.reader(io.StringIO(text))
    try:
        header = next(reader)
    except StopIteration:
        return
    yield from _rows_from_table(header, reader)


def _rows_from_xlsx(data: bytes) -> Iterable[tuple[int, dict[str, Any] | RowProblem]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:
        yield 1, RowProblem(1, "不是有效的 XLSX 文件")
        return
    sheet = workbook.worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    try:
        header = next(rows)
    except StopIteration:
        return
    yield from _rows_from_table(header, rows)


def parse_entries(data: bytes, fmt: str) -> list[EntryIn]:
    """All entries of a file, or :class:`ImportProblems` naming every bad row (nothing is half-read)."""
    readers = {"jsonl": _rows_from_jsonl, "csv": _rows_from_csv, "xlsx": _rows_from_xlsx}
    if fmt not in readers:
        raise ImportProblems([RowProblem(0, "不支持的文件格式，请使用 CSV、JSONL 或 XLSX")])
    problems: list[RowProblem] = []
    entries: list[EntryIn] = []
    seen: dict[str, int] = {}
    try:
        raw_rows = list(readers[fmt](data))
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ImportProblems([RowProblem(line, "文件编码不是 UTF-8（请另存为 UTF-8 编码）")]) from exc
    for number, raw in raw_rows:
        if isinstance(raw, RowProblem):
            problems.append(raw)
            continue
        record = {k: v for k, v in raw.items() if k in COLUMNS + OPTIONAL and v not in (None, "")}
        record["paraphrases"] = _split_paraphrases(raw.get("paraphrases"))
        if "channels" in record:
            record["channels"] = _split_channels(record["channels"])
        for key in ("id", "question", "answer", "category", "audience"):
            if key in record:
                record[key] = str(record[key]).strip()
        try:
            entry = EntryIn(**record)
        except ValidationError as err:
            problems.append(RowProblem(number, _describe(err)))
            continue
        if "\ufffd" in entry.question + entry.answer:
            problems.append(RowProblem(number, "含有乱码字符，请检查文件编码"))
            continue
        if entry.id in seen:
            problems.append(RowProblem(number, f"编号 {entry.id} 与第{seen[entry.id]}行重复"))
            continue
        seen[entry.id] = number
        entries.append(entry)
    if problems:
        raise ImportProblems(problems)
    return entries


def export_entries(entries: Sequence[EntryIn], fmt: str) -> bytes:
    if fmt == "jsonl":
        lines = [json.dumps(e.model_dump(mode="json"), ensure_ascii=False) for e in entries]
        return ("\n".join(lines) + "\n").encode()
    header = list(COLUMNS + OPTIONAL)

    def row(e: EntryIn) -> list[Any]:
        d = e.model_dump(mode="json")
        d["paraphrases"] = "|".join(e.paraphrases)
        d["channels"] = ",".join(e.channels)
        return [d.get(c) if d.get(c) is not None else "" for c in header]

    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(header)
        for e in entries:
            writer.writerow(row(e))
        return ("\ufeff" + buf.getvalue()).encode()
    if fmt == "xlsx":
        from openpyxl import Workbook

        workbook = Workbook()
        sheet = workbook.active
        sheet.title = "knowledge"
        sheet.append(header)
        for e in entries:
            sheet.append(row(e))
        out = io.BytesIO()
        workbook.save(out)
        return out.getvalue()
    raise ValueError(fmt)
