"""Text normalisation shared by every Chinese-understanding component.

Customers type on phones, paste from WeChat, or come through speech recognition
(which often returns traditional characters), so every text is folded to one
canonical form before it is compared with anything: simplified characters,
half-width ASCII, lower case, no punctuation, emoji or extra whitespace.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterable
from typing import Any

__all__ = [
    "MAX_CHARS",
    "fold_cantonese",
    "has_cjk",
    "is_meaningful",
    "normalize",
    "to_halfwidth",
    "to_simplified",
]

# Long inputs are almost always pasted documents or attacks; the robot answers
# questions, and capping keeps the cost of segmentation and pinyin bounded.
MAX_CHARS = 200

_CJK_RANGES = (
    (0x3400, 0x4DBF),  # extension A
    (0x4E00, 0x9FFF),  # unified ideographs
    (0xF900, 0xFAFF),  # compatibility ideographs
    (0x20000, 0x2A6DF),  # extension B
)

_converter: Any = None
_converter_lock = threading.Lock()

# The same ranges as character classes: every question is normalised several times on
# its way through the robot, and per-character Python loops were most of that cost.
_CJK_CLASS = "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in _CJK_RANGES)
_CJK_RE = re.compile(f"[{_CJK_CLASS}]")
_NOT_KEPT_RE = re.compile(f"[^{_CJK_CLASS}0-9A-Za-z]")
_HALFWIDTH = {0x3000: " ", **{code: chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)}}


def _is_cjk(ch: str) -> bool:
    code = ord(ch)
    return any(lo <= code <= hi for lo, hi in _CJK_RANGES)


def has_cjk(text: str) -> bool:
    return _CJK_RE.search(text) is not None


def _get_converter() -> Any:
    global _converter
    if _converter is None:
        with _converter_lock:
            if _converter is None:
                import opencc

                _converter = opencc.OpenCC("t2s")
    return _converter


def to_simplified(text: str) -> str:
    """Fold traditional characters to simplified (OpenCC t2s)."""
    if not text or not has_cjk(text):
        return text
    return str(_get_converter().convert(text))


def to_halfwidth(text: str) -> str:
    """Map full-width ASCII variants and the ideographic space to plain ASCII."""
    return text.translate(_HALFWIDTH)


def _keep(ch: str) -> bool:
    if _is_cjk(ch):
        return True
    # Only ASCII letters and digits survive: other scripts in a Chinese insurance
    # question are emoji, decorations or mojibake, never content.
    return ch.isascii() and ch.isalnum()


_SPACES = re.compile(r"\s+")


def normalize(text: str, max_chars: int = MAX_CHARS) -> str:
    """Return the canonical comparison form of ``text``.

    Characters that are neither CJK ideographs nor ASCII letters/digits become
    spaces; a space survives only between two ASCII tokens (``e5 app`` stays two
    words, ``app 登录`` becomes ``app登录``) so that Chinese text is one run of
    characters whatever the user's spacing habits are.
    """
    if not text:
        return ""
    # NFKC first: it also folds circled digits, ligatures and compatibility forms
    # that to_halfwidth does not cover.
    folded = unicodedata.normalize("NFKC", to_halfwidth(text[: max_chars * 4]))
    folded = to_simplified(folded).lower()
    cleaned = _NOT_KEPT_RE.sub(" ", folded)  # the characters _keep refuses
    parts = _SPACES.split(cleaned.strip())
    out: list[str] = []
    for part in parts:
        if not part:
            continue
        if out and out[-1][-1:].isascii() and part[:1].isascii():
            out.append(" ")
        out.append(part)
    return "".join(out)[:max_chars].strip()


def _looks_binary(text: str) -> bool:
    sample = text[: MAX_CHARS * 4]
    if not sample:
        return False
    bad = 0
    for ch in sample:
        if ch == "\ufffd":
            bad += 1
            continue
        cat = unicodedata.category(ch)
        if (cat == "Cc" and not ch.isspace()) or cat in ("Co", "Cs", "Cn"):
            bad += 1
    # Decoded binary (images, archives, wrongly-decoded bytes) is full of control
    # and replacement characters; real messages have almost none.
    return bad / len(sample) > 0.1


def is_meaningful(text: str) -> bool:
    """True when ``text`` has something a question could be made of.

    Empty strings, binary garbage, emoji- or symbol-only input and lone letters
    are not meaningful; a single Chinese character or an ASCII word of two or
    more letters/digits is.
    """
    if _looks_binary(text):
        return False
    norm = normalize(text)
    if not norm:
        return False
    if has_cjk(norm):
        return True
    return any(len(tok) >= 2 for tok in norm.split())


def literal_pattern(words: Iterable[str]) -> str:
    """One regular expression matching any of `words`, longest first at each position, as a character trie.

    A plain alternation of thousands of literals ("北京|北京市|…") is tried one literal after another at every
    position; the trie tries each next character once, which keeps the gazetteers and the hospital registry
    fast as they grow. Leftmost-longest: at a word's end the longer continuations are tried first.
    """
    trie: dict[str, Any] = {}
    for word in words:
        if not word:
            continue
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = True

    def build(node: dict[str, Any]) -> str:
        ends = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        inner = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return "(?:" + inner + ")?" if len(branches) > 1 or len(inner) > 1 else inner + "?"
        return inner

    return build(trie) or "(?!)"


def without_pauses(text: str, pause: re.Pattern[str]) -> tuple[str, list[int]]:
    """`text` with what `pause` matches taken out (speech recognition's spaces inside a name), and for each
    character kept its index in `text`, to map a match in the joined text back onto the original."""
    dropped = {i for m in pause.finditer(text) for i in range(m.start(), m.end())}
    kept = [i for i in range(len(text)) if i not in dropped]
    return "".join(text[i] for i in kept), kept


# Cantonese function words said in Mandarin reports ("而家喺河源人民医院住", "医生话系腰椎骨折", "人已经冇了"),
# each folded to the Mandarin word of the same length so every later rule reads one form. 系 alone is also
# Mandarin (关系, 系统), so only its Cantonese pairs are folded; "走咗" and "冇救" stay as the death rule knows them.
_CANTONESE = re.compile(
    r"唔系|唔使|唔啱|话系|就系|都系|我系|佢系|即系|系咪|喺|而家|屋企|佢哋|佢|嘅|嗰|冇(?!救)|食咗|跌亲|撞亲|哽亲|烫亲|"
    r"斩到|斩伤|(?<!走)咗|涯阿|涯老|涯屋|名字系|阮囝|脚脖子|脚脖儿|手脖子"
)
_CANTONESE_FOLD = {"唔系": "不是", "唔使": "不用", "话系": "说是", "就系": "就是", "都系": "都是", "我系": "我是",
                   "佢系": "他是", "即系": "就是", "系咪": "是不", "喺": "在", "而家": "现在", "屋企": "家里",
                   "佢哋": "他们", "佢": "他", "嘅": "的", "冇": "没", "咗": "了",
                   # "哦唔啱 最后系…": a correction; "嗰度", "嗰段路": that place; X亲: hurt by X-ing
                   "唔啱": "不对", "嗰": "那", "食咗": "吃了", "跌亲": "摔到", "撞亲": "撞到", "哽亲": "噎到",
                   "烫亲": "烫到", "斩到": "砍到", "斩伤": "砍伤",
                   # and the northern 脚脖子 (the ankle, not the neck) and 手脖子 (the wrist)
                   "脚脖子": "踝关节", "脚脖儿": "踝关节", "手脖子": "手腕子",
                   # Hakka 涯 (I) only before kin and home words: 天涯 stays; Minnan 阮囝 (my son)
                   "涯阿": "我阿", "涯老": "我老", "涯屋": "我屋", "名字系": "名字是", "阮囝": "我儿"}


def fold_cantonese(text: str) -> str:
    """Mandarin for the Cantonese function words in ``text``; the length is kept, so offsets still hold."""
    return _CANTONESE.sub(lambda m: _CANTONESE_FOLD[m.group()], text)
