"""Which period of a policy's life a question is about, read from how much time it says has passed.

Askers rarely name the period ("犹豫期", "宽限期", "等待期", "失效"); they say how long ago they bought,
signed for or stopped paying ("买了才十来天", "晚交了一个月", "断交一年多", "生效第40天查出"). Those
durations decide which of several near-identical knowledge-base entries applies, so the retrieval adds the
period's name to the question (and, the same way, to every indexed text).

The day counts follow the statutory rules of mainland life insurance (domain brief): a cooling-off period
(犹豫期) of at least 15 days after the policy is signed for (20 at some insurers), a 60-day grace period
(宽限期) for renewal premiums, after which the policy lapses (效力中止, 失效) and can be reinstated (复效)
within two years, and a waiting period (等待期, commonly 90 to 180 days) for illness cover.
"""

from __future__ import annotations

import re

from zhihui.nlu.numbers import parse_int

__all__ = ["period_cues"]

COOLING_OFF_DAYS = 20
GRACE_DAYS = 60
WAITING_DAYS = 180

_NUM = r"(?:\d+|[一二两三四五六七八九十几半]+|十来|十几|几十)"
_UNIT = r"(?:天|日|周|个星期|星期|个礼拜|礼拜|个月|月|年)"
_SPAN = rf"(?P<n>{_NUM})\s*(?:多)?(?P<u>{_UNIT})(?:多)?"
_DAYS_PER_UNIT = {"天": 1, "日": 1, "周": 7, "星期": 7, "礼拜": 7, "月": 30, "年": 365}

# "买了才十来天", "签收一个礼拜", "保单生效第40天": time since the policy began
_SINCE_START = re.compile(
    rf"(?:买|投保|签收|签了|签的|签字|收到(?:保单|合同)|拿到(?:保单|合同)|生效|承保|出单)[^，。,；;？?！!]{{0,5}}?"
    rf"(?:才|刚|刚刚|只有|不到|没到|还不到|已经|都)?(?:第)?{_SPAN}"
)
# "刚买的", "上周刚签收": just bought
_JUST_STARTED = re.compile(r"(?:刚|刚刚|才)(?:买|投保|签收|签了|签的|生效|收到(?:保单|合同)|拿到(?:保单|合同))")
# "交了三年", "买了好几年": long past the cooling-off period (said of surrenders)
_YEARS_PAID = re.compile(rf"(?<![晚迟欠])(?:交了|缴了|买了|保了)(?:有|都|快)?(?:{_NUM}|好几|好多)(?:多)?年")
_SURRENDER = re.compile(r"退保|退掉|不想要|不要了|退钱|能退|退多少|拿回")
# "晚交了一个月", "忘了交，过了半个月", "断交一年多", "停保半年": time since a premium was due
_SINCE_UNPAID = re.compile(
    rf"(?:晚交|迟交|欠交|逾期|断交|停交|断缴|停缴|停保|没交|没有交|未交|忘了交|忘交|忘记交|拖了)[^，。,；;？?！!]{{0,4}}?"
    rf"(?:了|有|都|已经)?{_SPAN}"
)
_UNPAID_THEN_SPAN = re.compile(
    rf"(?:没交|没有交|未交|忘了交|忘交|忘记交|没续费|忘了续费|忘记续费|忘续费)[^。；;？?！!]{{0,6}}?(?:过了|超过|都(?:过去了?|过了)?)\s*{_SPAN}"
)
_ILLNESS = re.compile(r"查出|确诊|得了|患上|生病|住院|病了|发现[^，。,]{0,4}(?:癌|瘤|病)")


def _days(n: str, unit: str) -> int | None:
    if n in ("十来", "十几"):
        value = 12
    elif n == "几十":
        value = 40
    elif n == "半":
        value = 0
    else:
        value = parse_int(n.replace("几", "三")) or 0
    unit = unit.removeprefix("个")
    per = _DAYS_PER_UNIT.get(unit)
    if per is None:
        return None
    if n == "半":
        return per // 2
    return value * per


def period_cues(text: str) -> list[str]:
    """Names of the policy periods the text's durations point to (empty when it states none)."""
    cues: list[str] = []
    ill = _ILLNESS.search(text) is not None
    for m in _SINCE_START.finditer(text):
        days = _days(m.group("n"), m.group("u"))
        if days is None:
            continue
        if ill and days <= WAITING_DAYS:
            cues.append("等待期")  # "生效第40天查出乳腺癌": a claim in the waiting period
        elif days <= COOLING_OFF_DAYS:
            cues.append("犹豫期")
        elif not ill and _SURRENDER.search(text):
            cues.append("犹豫期过后")  # "交了三年想退": a surrender after the cooling-off period
    if not cues and _JUST_STARTED.search(text):
        cues.append("等待期" if ill else "犹豫期")
    if not cues and _YEARS_PAID.search(text) and _SURRENDER.search(text):
        cues.append("犹豫期过后")
    for m in (*_SINCE_UNPAID.finditer(text), *_UNPAID_THEN_SPAN.finditer(text)):
        days = _days(m.group("n"), m.group("u"))
        if days is None:
            continue
        cues.append("宽限期" if days <= GRACE_DAYS else "效力中止 复效")
    return list(dict.fromkeys(cues))
