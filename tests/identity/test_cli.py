"""``zhihui identity verify`` (the checks use its JSON) and ``zhihui identity enrol``."""

from __future__ import annotations

import importlib.util
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer
from PIL import Image
from sqlalchemy import select
from typer.testing import CliRunner

pytest.importorskip("dlib", reason="dlib-bin is not installed")
if importlib.util.find_spec("face_recognition_models") is None:
    pytest.skip("face_recognition_models is not installed", allow_module_level=True)

from tests.factories import make_customer
from tests.identity.conftest import FACES
from zhihui.identity import cli as identity_cli
from zhihui.identity.models import ReferencePhoto
from zhihui.platform.db import Database
from zhihui.settings import Settings

if not (FACES / "obama.jpg").is_file():
    pytest.skip(f"test photos not found in {FACES.resolve()}", allow_module_level=True)


def _run(*args: str) -> Any:
    app = typer.Typer()
    identity_cli.register(app)
    return CliRunner().invoke(app, ["identity", *args])


def test_verify_same_and_different_person_as_json() -> None:
    same = _run("verify", str(FACES / "obama.jpg"), str(FACES / "obama2.jpg"), "--json")
    assert same.exit_code == 0, same.output
    body = json.loads(same.output)
    assert set(body) == {"match", "distance", "threshold", "quality"}
    assert body["match"] is True and body["distance"] < body["threshold"] == 0.6
    assert set(body["quality"]) == {"reference", "probe"} and body["quality"]["probe"]["ok"] is True
    other = _run("verify", str(FACES / "obama.jpg"), str(FACES / "biden.jpg"), "--json")
    assert other.exit_code == 0 and json.loads(other.output)["match"] is False
    text = _run("verify", str(FACES / "obama.jpg"), str(FACES / "biden.jpg"))
    assert "不是同一人" in text.output


def test_verify_unusable_image_prints_a_problem_and_fails(tmp_path: Path) -> None:
    blank = tmp_path / "wall.png"
    Image.new("RGB", (640, 480), (128, 140, 150)).save(blank)
    r = _run("verify", str(FACES / "obama.jpg"), str(blank), "--json")
    assert r.exit_code == identity_cli.EXIT_UNUSABLE
    assert json.loads(r.output) == {"code": "no_face", "detail": "未检测到人脸，请正对镜头", "image": "probe"}
    r = _run("verify", str(FACES / "obama_partial_face.jpg"), str(FACES / "obama.jpg"), "--json")
    assert r.exit_code == identity_cli.EXIT_UNUSABLE
    assert json.loads(r.output)["code"] == "face_cut_off" and json.loads(r.output)["image"] == "reference"
    corrupt = tmp_path / "broken.jpg"
    buf = io.BytesIO()
    Image.new("RGB", (640, 480)).save(buf, "JPEG")
    corrupt.write_bytes(buf.getvalue()[:300])
    r = _run("verify", str(corrupt), str(FACES / "obama.jpg"), "--json")
    assert r.exit_code == identity_cli.EXIT_UNUSABLE and json.loads(r.output)["code"] == "corrupt_image"


async def test_enrol_through_the_command(db: Database, settings: Settings) -> None:
    async with db.unit_of_work() as session:
        customer = await make_customer(session, name="欧巴马")
        id_number = customer.id_number
    env = {
        **os.environ,
        "ZHIHUI_DATABASE_URL": settings.effective_database_url,
        "ZHIHUI_SECRET_KEY": settings.secret_key.get_secret_value(),
        "ZHIHUI_DATA_DIR": str(settings.data_dir),
        "ZHIHUI_ENVIRONMENT": "test",
    }
    base = [sys.executable, "-m", "zhihui", "identity", "enrol", "--id-number", id_number]
    ok = subprocess.run(
        [*base, "--name", "欧巴马", str(FACES / "obama2.jpg")], env=env, capture_output=True, text=True, timeout=60
    )
    assert ok.returncode == 0, ok.stderr
    assert "已登记" in ok.stdout and id_number not in ok.stdout
    wrong = subprocess.run(
        [*base, "--name", "拜登", str(FACES / "biden.jpg")], env=env, capture_output=True, text=True, timeout=60
    )
    assert wrong.returncode == identity_cli.EXIT_REFUSED and "name_id_mismatch" in wrong.stderr
    async with db.sessionmaker() as session:
        refs = (await session.scalars(select(ReferencePhoto))).all()
        assert [(r.customer_id, r.source, r.enrolled_by) for r in refs] == [(customer.id, "cli", "system")]
