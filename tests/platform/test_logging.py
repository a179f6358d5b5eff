import logging

from tests.conftest import clear_personal_data
from zhihui.platform.logging import get_logger


def test_log_lines_mask_personal_data_from_any_logger(captured_logs: list[str]) -> None:
    before = len(captured_logs)
    logging.getLogger("some.library").warning("lookup 110105194912310020 phone 13812345678")
    get_logger("zhihui.test").info("card", account="6222020200112233446", note="手机13812345678")
    new = captured_logs[before:]
    assert len(new) == 2
    assert clear_personal_data(new) == []
    assert "1101**********0020" in new[0] and "138****5678" in new[0]
    assert "****3446" in new[1]


def test_scanner_detects_clear_values() -> None:
    leaks = clear_personal_data(["id=11010519491231002X", "tel 13812345678", "card 6222020200112233446", "n=12345"])
    assert len(leaks) == 3
