import json

import pytest

from tests.kb.factories import ENTRIES, jsonl
from zhihui.kb.fileio import ImportProblems, export_entries, parse_entries


def test_jsonl_csv_xlsx_round_trip() -> None:
    entries = parse_entries(jsonl(), "jsonl")
    assert [e.id for e in entries] == ["T-BENEF", "T-GRACE", "T-SHARE"]
    for fmt in ("csv", "xlsx", "jsonl"):
        again = parse_entries(export_entries(entries, fmt), fmt)
        assert [e.model_dump() for e in again] == [e.model_dump() for e in entries], fmt


def test_csv_paraphrases_are_pipe_separated() -> None:
    data = "id,audience,category,question,paraphrases,answer\nX1,customer,a/b,怎么退保？,不想要了|解约,答案\n"
    (entry,) = parse_entries(data.encode(), "csv")
    assert entry.paraphrases == ["不想要了", "解约"]


def test_bad_rows_are_reported_with_row_numbers_and_nothing_is_returned() -> None:
    rows = [
        dict(ENTRIES[0]),
        dict(ENTRIES[1], answer=""),
        dict(ENTRIES[2], id="T-BENEF"),
        dict(ENTRIES[2], audience="x"),
    ]
    data = jsonl(rows) + b"{not json\n"
    with pytest.raises(ImportProblems) as err:
        parse_entries(data, "jsonl")
    text = [str(p) for p in err.value.problems]
    assert text == [
        "第2行：缺少答案",
        "第3行：编号 T-BENEF 与第1行重复",
        "第4行：适用对象取值不正确",
        "第5行：不是合法的 JSON",
    ]


def test_broken_encoding_and_missing_columns_are_refused() -> None:
    gbk = "id,audience,category,question,paraphrases,answer\nX1,customer,a,怎么退保,,答案\n".encode("gbk")
    with pytest.raises(ImportProblems) as err:
        parse_entries(gbk, "csv")
    assert "UTF-8" in str(err.value.problems[0])
    with pytest.raises(ImportProblems) as err:
        parse_entries(b"id,question\nX1,q\n", "csv")
    assert "表头缺少列" in str(err.value.problems[0])
    line = json.dumps({"id": "X", "audience": "customer", "question": "问题", "answer": "a\ufffd"}, ensure_ascii=False)
    with pytest.raises(ImportProblems):
        parse_entries(line.encode(), "jsonl")
