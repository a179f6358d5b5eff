"""Chinese numerals as reporters say them.

Two different things hide behind "numbers" in a claim report:

* digit strings read out one digit at a time (phone numbers, ID numbers): 幺三九 一二…, with 幺 for 1,
  洞 for 0, 两 for 2, groups separated by spaces, commas or dashes, and an ID check character given as
  "叉"/"X" or in a separate phrase ("最后一位是X");
* quantities (三千五百, 两万三, 1.5万), used for ages, day counts and amounts.

Both are handled with small hand-written code: it is fast (the claim extractor runs this on every
utterance) and has no start-up cost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Spoken digit characters -> ASCII digit. 幺 (1) and 洞 (0) are the radio/telephone readings.
SPOKEN_DIGITS: dict[str, str] = {
    "零": "0", "〇": "0", "○": "0", "洞": "0", "O": "0",
    "一": "1", "幺": "1", "壹": "1",
    "二": "2", "两": "2", "贰": "2",
    "三": "3", "叁": "3",
    "四": "4", "肆": "4",
    "五": "5", "伍": "5",
    "六": "6", "陆": "6",
    "七": "7", "柒": "7", "拐": "7",
    "八": "8", "捌": "8",
    "九": "9", "玖": "9", "勾": "9",
}
# Only unambiguous characters start a spoken digit run; "O", "拐", "勾" only count inside one.
_DIGIT_CHARS = "0-9零〇○洞一幺壹二两贰三叁四肆五伍六陆七柒八捌九玖"
_INNER_CHARS = _DIGIT_CHARS + "拐勾"
_FULLWIDTH = str.maketrans("０１２３４５６７８９ＸＸｘ－", "0123456789XXx-")

# A run of at least 3 spoken digits (shorter runs are ordinary words: 一二, 三四天).
_SPOKEN_RUN = re.compile(f"[{_DIGIT_CHARS}][{_INNER_CHARS}]{{2,}}")

_SPOKEN_TAIL = re.compile(f"(?<=[0-9][ \\-])[{_DIGIT_CHARS}][{_INNER_CHARS}]?(?![\u4e00-\u9fff0-9])")

_SMALL = {"零": 0, "〇": 0, "一": 1, "幺": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
          "六": 6, "七": 7, "八": 8, "九": 9, "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5,
          "陆": 6, "柒": 7, "捌": 8, "玖": 9}
_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG_UNITS = {"万": 10_000, "萬": 10_000, "亿": 100_000_000}


def spoken_digits_to_ascii(text: str) -> str:
    """Replace digit-by-digit readings ("幺三九", "二零二六") with ASCII digits.

    Runs shorter than three characters are left alone so that words such as 一下, 两天 survive.
    Quantities with place values (二十, 三百) are not digit strings and are left alone too.
    """
    text = text.translate(_FULLWIDTH)

    def repl(m: re.Match[str]) -> str:
        return "".join(SPOKEN_DIGITS.get(ch, ch) for ch in m.group(0))

    text = _SPOKEN_RUN.sub(repl, text)
    # the last group of a number read in groups may be one or two digits ("幺七七 四五幺 两六六 洞九"), and so may
    # groups in the middle ("…幺九八三 洞五 两幺 洞九三洞"): each pass reads the groups after digits just read
    for _ in range(4):
        read = _SPOKEN_TAIL.sub(repl, text)
        if read == text:
            break
        text = read
    return text


@dataclass(frozen=True)
class DigitString:
    """A digit sequence found in text, possibly assembled from several spoken groups."""

    digits: str  # ASCII digits, maybe ending in "X"
    start: int  # span in the *normalised* text
    end: int


# Groups of digits, optionally followed by an X read as 叉/X/x, joined by light separators.
_GROUP = re.compile(r"[0-9]+(?:\s*[叉Xx](?![a-zA-Z]))?")
_JOIN_ALWAYS = re.compile(r"^[\s\-—_·.…⋯]*$")  # a pause read as "…" too
_JOIN_COMMA = re.compile(r"^\s*[，,、]\s*$")
_COUNTED = re.compile(r"\s*(?:月|日|号(?!码)|点|岁|个(?!号)|天|周|块|元|次|楼|层|米|公斤|斤|度|[/／]\d)")


_MOBILE = re.compile(r"1[3-9][0-9]{9}")


def find_digit_strings(text: str) -> tuple[str, list[DigitString]]:
    """Normalise `text` and return it with the digit strings it contains.

    Groups separated by blanks or dashes are joined when the result stays within 18 characters
    (an ID number read in 6-8-4 groups, a phone in 3-4-4 groups). Groups separated by a comma are
    joined only when that completes a phone (11) or ID (17/18) length, so that "身份证…，电话…" stays
    two numbers.
    """
    norm = spoken_digits_to_ascii(text)
    groups = [(m.start(), m.end(), _clean(m.group(0))) for m in _GROUP.finditer(norm)]
    out: list[DigitString] = []
    i = 0
    while i < len(groups):
        start, end, digits = groups[i]
        j = i
        while j + 1 < len(groups) and not digits.endswith("X"):
            nstart, nend, ndigits = groups[j + 1]
            sep = norm[end:nstart]
            merged = digits + ndigits
            if len(merged) > 18:
                break
            if len(ndigits) <= 2 and len(digits) >= 7 and _COUNTED.match(norm, nend):
                break  # "电话 181 5799 4420 5月11日": the next group is a month, a day or a count
            if _JOIN_ALWAYS.match(sep):
                pass
            elif _JOIN_COMMA.match(sep):
                if _MOBILE.fullmatch(digits) or not _completes(merged, groups, j + 1, norm) \
                        or _whole_mobile_from(groups, j + 1, norm):
                    # "136 3908 4275，136 3908 4275": a whole mobile, then the same said again; "最后是1350，
                    # 139 8278 1350": a whole mobile after the comma is a number of its own
                    break
            else:
                break
            digits, end = merged, nend
            j += 1
        out.append(DigitString(digits, start, end))
        i = j + 1
    return norm, out


def _whole_mobile_from(groups: list[tuple[int, int, str]], k: int, norm: str) -> bool:
    """Do the groups from k on, joined by blanks only, make exactly one mobile number?"""
    digits, end = groups[k][2], groups[k][1]
    for nstart, nend, ndigits in groups[k + 1:]:
        if not _JOIN_ALWAYS.match(norm[end:nstart]) or len(digits) >= 11:
            break
        digits, end = digits + ndigits, nend
    return bool(_MOBILE.fullmatch(digits))


def _clean(group: str) -> str:
    g = re.sub(r"\s+", "", group)
    if g and g[-1] in "叉Xx":
        g = g[:-1] + "X"
    return g


def _completes(merged: str, groups: list[tuple[int, int, str]], k: int, norm: str) -> bool:
    """Would joining across a comma at group k lead to a phone/ID length (possibly with more groups)?"""
    length = len(merged)
    if length in (11, 17, 18):
        return True
    # Look ahead: further comma/blank-joined groups might complete an ID, or a mobile read 3-4-4.
    end = groups[k][1]
    for nstart, nend, ndigits in groups[k + 1:]:
        sep = norm[end:nstart]
        if not (_JOIN_ALWAYS.match(sep) or _JOIN_COMMA.match(sep)):
            return False
        length += len(ndigits)
        if length in (17, 18) or (length == 11 and merged.startswith("1")):
            return True
        if length > 18:
            return False
        end = nend
    return False


def parse_int(text: str) -> int | None:
    """Parse a quantity: "十" 10, "二十三" 23, "两万三" 23000, "三千五百" 3500, "105" 105, "一零五" 105.

    Returns None for anything that is not entirely a number.
    """
    s = text.strip().translate(_FULLWIDTH)
    if not s:
        return None
    if s.isdigit():
        return int(s)
    if all(ch in _SMALL for ch in s):  # digit-by-digit reading
        return int("".join(str(_SMALL[ch]) for ch in s))
    total = 0  # finished 万/亿 sections
    section = 0  # current section below 万
    number = 0  # pending digit(s)
    last_unit = 1
    prev_was_unit = False
    for ch in s:
        if ch.isdigit():
            number = number * 10 + int(ch) if not prev_was_unit else int(ch)
            prev_was_unit = False
        elif ch in _SMALL:
            number = _SMALL[ch]
            prev_was_unit = False
        elif ch in _UNITS:
            unit = _UNITS[ch]
            section += (number or (1 if unit == 10 else 0)) * unit
            number, last_unit, prev_was_unit = 0, unit, True
        elif ch in _BIG_UNITS:
            unit = _BIG_UNITS[ch]
            total = (total + section + number) * unit
            section = number = 0
            last_unit, prev_was_unit = unit, True
        else:
            return None
    # "两万三" / "三千五": a bare digit right after a unit means one unit lower.
    if number and s[-2:-1] and s[-2] in _UNITS.keys() | _BIG_UNITS.keys() and last_unit >= 10:
        number *= last_unit // 10
    return total + section + number


_AMOUNT = re.compile(
    r"(?P<num>[0-9]+(?:\.[0-9]+)?|[零〇一二两三四五六七八九十百千万亿幺]+)\s*(?P<unit>万|千|百)?\s*"
    r"(?:块钱|块|元|圆|人民币)?"
)


def parse_amount(text: str) -> float | None:
    """Parse a money amount: "三千五百块" 3500, "1.5万" 15000, "两万三" 23000, "八百元" 800."""
    m = _AMOUNT.search(text.strip().translate(_FULLWIDTH))
    if not m:
        return None
    num, unit = m.group("num"), m.group("unit")
    scale = {"万": 10_000, "千": 1000, "百": 100, None: 1}[unit]
    if re.fullmatch(r"[0-9]+(?:\.[0-9]+)?", num):
        return float(num) * scale
    value = parse_int(num + (unit or ""))
    return float(value) if value is not None else None
