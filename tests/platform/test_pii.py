import base64

import pytest

from zhihui.platform import pii
from zhihui.settings import PiiSettings, Settings


def test_encrypt_round_trip_and_ciphertext_hides_value(settings: Settings) -> None:
    token = pii.encrypt("110105194912310020")
    assert "110105194912310020" not in token
    assert pii.decrypt(token) == "110105194912310020"
    assert pii.encrypt("x") != pii.encrypt("x")  # random nonce


def test_key_rotation_keeps_old_rows_readable(settings: Settings) -> None:
    old_key = base64.b64encode(b"o" * 32).decode()
    new_key = base64.b64encode(b"n" * 32).decode()
    hash_key = base64.b64encode(b"h" * 32).decode()
    try:
        pii.configure(Settings(pii=PiiSettings(keys={"k1": old_key}, active_key_id="k1", hash_key=hash_key)))  # type: ignore[dict-item,arg-type]
        old_token = pii.encrypt("13912345678")
        pii.configure(
            Settings(pii=PiiSettings(keys={"k1": old_key, "k2": new_key}, active_key_id="k2", hash_key=hash_key))  # type: ignore[dict-item,arg-type]
        )
        assert pii.decrypt(old_token) == "13912345678"
        assert pii.key_id_of(pii.encrypt("13912345678")) == "k2"
    finally:
        pii.configure(settings)


def test_configure_refuses_short_key() -> None:
    with pytest.raises(ValueError):
        pii.configure(Settings(pii=PiiSettings(keys={"k1": base64.b64encode(b"short").decode()})))  # type: ignore[dict-item]


def test_masks() -> None:
    assert pii.mask_id_number("110105194912310020") == "1101**********0020"
    assert pii.mask_phone("13812345678") == "138****5678"
    assert pii.mask_account("6222020200112233446") == "****3446"
    assert pii.mask_name("张三丰") == "张*丰"


def test_redact_text_masks_ids_phones_and_accounts_inside_sentences() -> None:
    text = "客户110105194912310020 电话13812345678 卡号6222020200112233446 金额100"
    out = pii.redact_text(text)
    assert "110105194912310020" not in out and "1101**********0020" in out
    assert "13812345678" not in out and "138****5678" in out
    assert "6222020200112233446" not in out and "****3446" in out
    assert "金额100" in out


def test_lookup_hash_is_stable_and_normalised(settings: Settings) -> None:
    assert pii.lookup_hash("11010519491231002x") == pii.lookup_hash("11010519491231002X")
    assert pii.lookup_hash("a") != pii.lookup_hash("b")
