"""``zhihui claims extract`` and the two evaluations, on small made-up data."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from zhihui.claims.cli import claims_app, eval_app, score_dialogs, score_extraction, simulate_dialogs, slot_equal
from zhihui.nlu.claim_slots import id_check_char
from zhihui.platform.db import Database
from zhihui.settings import Settings

runner = CliRunner()
ID = "21010219790323451" + id_check_char("21010219790323451")


def test_slot_equal_rules() -> None:
    assert slot_equal("diagnosis", {"term": "骨折", "icd10": "S82"}, {"term": "胫骨骨折", "icd10": ["S82", "S72"]})
    assert not slot_equal("diagnosis", {"term": "胫骨骨折", "icd10": "S72"}, {"term": "胫骨骨折", "icd10": ["S82"]})
    place = {"province": "上海市", "city": "上海市", "district": "浦东新区"}
    assert slot_equal("accident_place", dict(place), place)
    assert not slot_equal("accident_place", place | {"district": None}, place)
    assert not slot_equal(
        "treatment", {"hospital": None, "status": "inpatient"}, {"hospital": "X", "status": "inpatient"}
    )
    assert slot_equal("relation", None, None) and not slot_equal("relation", "self", None)


def test_score_extraction_counts_precision_recall_and_exact_match() -> None:
    items = [
        {"text": "a", "slots": {"relation": "self", "cause": "illness"}},
        {"text": "b", "slots": {"relation": "parent"}},
    ]
    predictions = [{"relation": "self", "cause": "accident"}, {"relation": "parent", "insured_name": "王五"}]
    report = score_extraction(items, predictions)
    assert report["slots"]["relation"]["f1"] == 1.0
    assert report["slots"]["cause"] == report["slots"]["cause"] | {"tp": 0, "fp": 1, "fn": 1, "f1": 0.0}
    assert report["slots"]["insured_name"]["precision"] == 0.0
    assert report["exact_match"] == 0.0
    assert report["micro"]["tp"] == 2 and report["micro"]["fp"] == 2 and report["micro"]["fn"] == 1


def test_score_dialogs_median_and_accuracy() -> None:
    results = [
        {"state": "done", "questions": 3, "wrong": []},
        {"state": "done", "questions": 5, "wrong": ["accident_date"]},
        {"state": "handoff", "questions": 8, "wrong": []},
    ]
    report = score_dialogs(results)
    assert report["whole_process_accuracy"] == round(1 / 3, 4)
    assert report["questions"]["median"] == 5 and report["questions"]["distribution"] == {"3": 1, "5": 1, "8": 1}
    assert report["wrong_slots"] == {"accident_date": 1}


def test_extract_command_prints_json() -> None:
    result = runner.invoke(
        claims_app, ["extract", "我妈前天在广州天河区摔断了腿", "--ref-date", "2026-03-18", "--json"]
    )
    assert result.exit_code == 0, result.output
    slots = json.loads(result.output)["slots"]
    assert slots["relation"] == "parent" and slots["accident_date"] == "2026-03-16"
    assert slots["accident_place"]["district"] == "天河区"


def test_eval_claims_command_on_a_small_file(tmp_path: Path) -> None:
    items = tmp_path / "items.jsonl"
    rows = [
        {
            "ref_date": "2026-03-18",
            "text": "我爸昨天中风了",
            "slots": {
                "relation": "parent",
                "accident_date": "2026-03-17",
                "cause": "illness",
                "diagnosis": {"term": "脑梗死", "icd10": ["I63", "I64"]},
            },
        },
    ]
    items.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    result = runner.invoke(eval_app, ["claims", "--items", str(items), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["items"] == 1 and report["slots"]["relation"]["tp"] == 1
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "x"}\n', encoding="utf-8")
    assert runner.invoke(eval_app, ["claims", "--items", str(bad)]).exit_code != 0


async def test_simulated_dialogs_reach_the_facts(db: Database, settings: Settings) -> None:
    case = {
        "ref_date": "2026-03-18",
        "opening": "我爸昨天在沈阳和平区下楼梯摔了，小腿骨折，在医院住院",
        "facts": {
            "relation": "parent",
            "insured_name": "郑建军",
            "insured_id": ID,
            "contact_phone": "13840001234",
            "accident_date": "2026-03-17",
            "accident_place": {"province": "辽宁省", "city": "沈阳市", "district": "和平区"},
            "cause": "accident",
            "diagnosis": {"term": "胫骨骨折", "icd10": ["S82"]},
            "treatment": {"hospital": "中国医科大学附属第一医院", "status": "inpatient"},
        },
        "answers": {
            "insured_name": "郑建军",
            "insured_id": ID,
            "contact_phone": "幺三八 四零零零 幺二三四",
            "treatment": "在中国医科大学附属第一医院",
        },
    }
    report = await simulate_dialogs([case], settings=settings)
    assert report["whole_process_accuracy"] == 1.0, report
    assert report["questions"]["median"] == 4
    # name, ID, phone and the hospital were left out of the opening: four questions is the floor
    assert report["unstated"]["median"] == 4 and report["needless_questions"] == 0
