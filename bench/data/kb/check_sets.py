#!/usr/bin/env python3
"""Validate the KB evaluation sets in this directory (stdlib only, Python 3.11).

Checks, for each set ("tune", "test", "train", "train2", "train3", "train4"):
  * every line of <set>_kb.jsonl and <set>_questions.jsonl is a well-formed JSON object
  * KB entries have the required fields and types, a valid audience,
    2-4 paraphrases, a non-empty answer, ids unique and with the set's prefix
  * every question id is null or exists in the set's own KB
  * no question is a copy of a KB question/paraphrase: after normalisation
    (NFKC, lower-case, punctuation and spaces removed) a question may not
      - equal a KB question/paraphrase,
      - contain a whole KB question/paraphrase (>= 6 chars), or
      - be contained in a KB question/paraphrase when it is >= 8 chars long
        (very short queries such as "退保" are allowed to be substrings)
  * warnings (not errors) for near-copies (character-bigram Jaccard >= 0.75)
    and for count targets (KB size, audience mix, question count, OOS share);
    each set has its own targets (see TARGETS), and they never cause a failure
Cross-set checks (every pair of sets): ids do not collide, no standard KB
question is shared, and user questions shared between sets are reported.

"train" (ids RK...), "train2" (ids SK...), "train3" (ids UK...) and "train4" (ids VK...) are blind-written
sets used only as training data for the robot's fusion model; they are never used
for reporting.

Exit status is 1 if any error was found.
"""
from __future__ import annotations

import json
import sys
import unicodedata
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
SETS = {"tune": "TK", "test": "EK", "train": "RK", "train2": "SK", "train3": "UK", "train4": "VK"}
# count targets per set: (KB size range, question count range, OOS share range)
TARGETS = {
    "tune": ((130, 160), (220, 260), (0.15, 0.25)),
    "test": ((130, 160), (220, 260), (0.15, 0.25)),
    "train": ((150, 180), (400, 520), (0.12, 0.25)),
    "train2": ((70, 90), (200, 250), (0.12, 0.25)),
    "train3": ((100, 140), (280, 400), (0.12, 0.25)),
    "train4": ((110, 150), (300, 420), (0.12, 0.25)),
}
AUDIENCES = {"customer", "agent", "both"}
KB_FIELDS = {"id": str, "audience": str, "category": str, "question": str,
             "paraphrases": list, "answer": str}

errors: list[str] = []
warnings: list[str] = []


def err(msg: str) -> None:
    errors.append(msg)


def warn(msg: str) -> None:
    warnings.append(msg)


def norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).lower()
    return "".join(ch for ch in s
                   if not unicodedata.category(ch).startswith(("P", "Z", "S", "C")))


def bigrams(s: str) -> set[str]:
    return {s[i:i + 2] for i in range(len(s) - 1)} or {s}


def jaccard(a: str, b: str) -> float:
    x, y = bigrams(a), bigrams(b)
    return len(x & y) / len(x | y) if x | y else 0.0


def load_jsonl(path: Path) -> list[dict]:
    rows = []
    if not path.exists():
        err(f"{path.name}: file missing")
        return rows
    with path.open(encoding="utf-8") as f:
        for ln, line in enumerate(f, 1):
            if not line.strip():
                err(f"{path.name}:{ln}: blank line")
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                err(f"{path.name}:{ln}: bad JSON ({e})")
                continue
            if not isinstance(obj, dict):
                err(f"{path.name}:{ln}: not a JSON object")
                continue
            obj["_line"] = ln
            rows.append(obj)
    return rows


def check_kb(name: str, prefix: str, kb: list[dict]) -> dict[str, dict]:
    fname = f"{name}_kb.jsonl"
    by_id: dict[str, dict] = {}
    for e in kb:
        ln = e["_line"]
        extra = set(e) - set(KB_FIELDS) - {"_line"}
        if extra:
            err(f"{fname}:{ln}: unexpected fields {sorted(extra)}")
        ok = True
        for k, t in KB_FIELDS.items():
            if not isinstance(e.get(k), t):
                err(f"{fname}:{ln}: field {k!r} missing or not {t.__name__}")
                ok = False
        if not ok:
            continue
        i = e["id"]
        if not i.startswith(prefix) or not i[len(prefix):].isdigit():
            err(f"{fname}:{ln}: id {i!r} should look like {prefix}001")
        if i in by_id:
            err(f"{fname}:{ln}: duplicate id {i}")
        by_id[i] = e
        if e["audience"] not in AUDIENCES:
            err(f"{fname}:{ln}: {i} bad audience {e['audience']!r}")
        if not e["category"].strip():
            err(f"{fname}:{ln}: {i} empty category")
        if not e["question"].strip() or not e["answer"].strip():
            err(f"{fname}:{ln}: {i} empty question or answer")
        ps = e["paraphrases"]
        if not 2 <= len(ps) <= 4:
            err(f"{fname}:{ln}: {i} has {len(ps)} paraphrases (want 2-4)")
        if not all(isinstance(p, str) and p.strip() for p in ps):
            err(f"{fname}:{ln}: {i} has an empty/non-string paraphrase")
        texts = [norm(e["question"])] + [norm(p) for p in ps if isinstance(p, str)]
        if len(set(texts)) != len(texts):
            err(f"{fname}:{ln}: {i} repeats its own question/paraphrase")
    # the same standard text must not appear in two entries
    seen: dict[str, str] = {}
    for i, e in by_id.items():
        for t in [e["question"]] + e["paraphrases"]:
            n = norm(t)
            if n in seen and seen[n] != i:
                err(f"{fname}: text {t!r} appears in both {seen[n]} and {i}")
            seen.setdefault(n, i)
    return by_id


def check_questions(name: str, qs: list[dict], by_id: dict[str, dict]) -> None:
    fname = f"{name}_questions.jsonl"
    kb_texts = [(i, norm(t), t) for i, e in by_id.items()
                for t in [e["question"]] + e["paraphrases"]]
    seen_q: dict[str, int] = {}
    for q in qs:
        ln = q["_line"]
        extra = set(q) - {"q", "id", "_line"}
        if extra:
            err(f"{fname}:{ln}: unexpected fields {sorted(extra)}")
        text, qid = q.get("q"), q.get("id", "MISSING")
        if not isinstance(text, str) or not text.strip():
            err(f"{fname}:{ln}: 'q' missing or empty")
            continue
        if qid == "MISSING":
            err(f"{fname}:{ln}: 'id' key missing (use null for out-of-scope)")
        elif qid is not None and qid not in by_id:
            err(f"{fname}:{ln}: id {qid!r} not in {name}_kb.jsonl")
        nq = norm(text)
        if nq in seen_q:
            err(f"{fname}:{ln}: duplicate question (also line {seen_q[nq]}): {text!r}")
        seen_q.setdefault(nq, ln)
        best = (0.0, None, None)
        for i, nt, raw in kb_texts:
            if nq == nt:
                err(f"{fname}:{ln}: question identical to KB text of {i}: {text!r}")
            elif len(nt) >= 6 and nt in nq:
                err(f"{fname}:{ln}: question contains whole KB text of {i} ({raw!r}): {text!r}")
            elif len(nq) >= 8 and nq in nt:
                err(f"{fname}:{ln}: question is a substring of KB text of {i} ({raw!r}): {text!r}")
            s = jaccard(nq, nt)
            if s > best[0]:
                best = (s, i, raw)
        if best[0] >= 0.75:
            warn(f"{fname}:{ln}: near-copy (bigram Jaccard {best[0]:.2f}) of {best[1]} "
                 f"{best[2]!r}: {text!r}")


def report(name: str, kb: dict[str, dict], qs: list[dict]) -> None:
    aud = Counter(e["audience"] for e in kb.values())
    n = len(kb)
    ins = [q for q in qs if q.get("id")]
    oos = [q for q in qs if q.get("id") is None]
    per = Counter(q["id"] for q in ins)
    uncovered = sorted(i for i in kb if i not in per)
    qaud = Counter(kb[q["id"]]["audience"] for q in ins if q["id"] in kb)
    print(f"[{name}] KB entries: {n}  "
          + "  ".join(f"{a}={aud[a]} ({aud[a] / max(n, 1):.0%})" for a in ("customer", "agent", "both")))
    print(f"[{name}] questions: {len(qs)}  in-scope={len(ins)}  out-of-scope={len(oos)} "
          f"({len(oos) / max(len(qs), 1):.1%})")
    print(f"[{name}] in-scope questions by entry audience: "
          + "  ".join(f"{a}={qaud[a]}" for a in ("customer", "agent", "both")))
    print(f"[{name}] entries with >=1 question: {len(per)}/{n}  "
          f"questions per covered entry: max={max(per.values(), default=0)}")
    if uncovered:
        print(f"[{name}] entries without questions ({len(uncovered)}): {' '.join(uncovered)}")
    (kb_lo, kb_hi), (q_lo, q_hi), (o_lo, o_hi) = TARGETS[name]
    if not kb_lo <= n <= kb_hi:
        warn(f"[{name}] KB has {n} entries (target {kb_lo}-{kb_hi})")
    if not q_lo <= len(qs) <= q_hi:
        warn(f"[{name}] {len(qs)} questions (target {q_lo}-{q_hi})")
    if qs and not o_lo <= len(oos) / len(qs) <= o_hi:
        warn(f"[{name}] out-of-scope share {len(oos) / len(qs):.1%} "
             f"(target {o_lo:.0%}-{o_hi:.0%})")
    if any(c > 3 for c in per.values()):
        warn(f"[{name}] some entries have more than 3 questions")


def main() -> int:
    loaded = {}
    for name, prefix in SETS.items():
        kb_rows = load_jsonl(HERE / f"{name}_kb.jsonl")
        q_rows = load_jsonl(HERE / f"{name}_questions.jsonl")
        by_id = check_kb(name, prefix, kb_rows)
        check_questions(name, q_rows, by_id)
        loaded[name] = (by_id, q_rows)
    # cross-set checks, for every pair of sets
    names = list(loaded)
    for x in range(len(names)):
        for y in range(x + 1, len(names)):
            a, b = names[x], names[y]
            (kb_a, q_a), (kb_b, q_b) = loaded[a], loaded[b]
            if set(kb_a) & set(kb_b):
                err(f"ids shared by {a} and {b}: {sorted(set(kb_a) & set(kb_b))}")
            std_a = {norm(e["question"]): i for i, e in kb_a.items()}
            for i, e in kb_b.items():
                if norm(e["question"]) in std_a:
                    err(f"standard question of {b} {i} equals {a} "
                        f"{std_a[norm(e['question'])]}")
            qa = {norm(q["q"]) for q in q_a if isinstance(q.get("q"), str)}
            shared = [q["q"] for q in q_b
                      if isinstance(q.get("q"), str) and norm(q["q"]) in qa]
            if shared:
                warn(f"{len(shared)} user question(s) appear in both {a} and {b}: "
                     f"{shared[:10]}")
    for name, (by_id, qs) in loaded.items():
        report(name, by_id, qs)
    for w in warnings:
        print("WARNING:", w)
    for e in errors:
        print("ERROR:", e)
    print(f"{len(errors)} error(s), {len(warnings)} warning(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
