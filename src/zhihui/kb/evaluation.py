"""Metrics of the answering robot's retrieval on a labelled question set.

Pure functions over per-question results, so the same code scores the CLI
evaluation, benchmarks and tests.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass

__all__ = ["EvalResult", "QuestionResult", "evaluate", "percentile"]


@dataclass(frozen=True)
class QuestionResult:
    expected_id: str | None  # None: out of scope, the robot must not answer
    outcome: str  # "answer" | "clarify" | "none"
    returned_id: str | None  # top candidate, whatever the outcome
    latency_ms: float
    suggested_ids: tuple[str, ...] = ()  # the suggestions the reply lists (top three), best first


@dataclass(frozen=True)
class EvalResult:
    n_questions: int
    n_in_scope: int
    n_out_of_scope: int
    top1_accuracy: float
    """Top candidate == expected entry, over in-scope questions, whatever the outcome."""
    answer_rate: float
    """Share of in-scope questions answered outright."""
    shown_rate: float
    """Share of in-scope questions whose right entry the asker is shown: answered with it, or listed among the
    suggestions of a reply that does not answer (the robot page shows them with a clarifying reply and with a
    hand-off to a person alike)."""
    answer_precision: float
    """Correct answers / all answers given (in-scope and out-of-scope questions)."""
    answers_given: int
    oos_rejection_rate: float
    """Share of out-of-scope questions not answered (clarify or none)."""
    latency_p50_ms: float
    latency_p99_ms: float

    def to_dict(self) -> dict[str, float | int]:
        return asdict(self)


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in [0, 100]); 0.0 for an empty sequence."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return float(ordered[min(rank, len(ordered)) - 1])


def _ratio(num: int, den: int) -> float:
    # An empty denominator means nothing was asked of that metric; reporting 0
    # would read as a failure, so vacuous metrics are 1.0 only for precision
    # and rejection (nothing wrong was done) and 0.0 for rates of success.
    return num / den if den else 0.0


def evaluate(results: Sequence[QuestionResult]) -> EvalResult:
    in_scope = [r for r in results if r.expected_id is not None]
    oos = [r for r in results if r.expected_id is None]
    top1 = sum(1 for r in in_scope if r.returned_id == r.expected_id)
    answered_in = sum(1 for r in in_scope if r.outcome == "answer")
    shown = sum(
        1
        for r in in_scope
        if (r.outcome == "answer" and r.returned_id == r.expected_id)
        or (r.outcome != "answer" and r.expected_id in r.suggested_ids)
    )
    answers = [r for r in results if r.outcome == "answer"]
    correct = sum(1 for r in answers if r.expected_id is not None and r.returned_id == r.expected_id)
    rejected = sum(1 for r in oos if r.outcome != "answer")
    latencies = [r.latency_ms for r in results]
    return EvalResult(
        n_questions=len(results),
        n_in_scope=len(in_scope),
        n_out_of_scope=len(oos),
        top1_accuracy=_ratio(top1, len(in_scope)),
        answer_rate=_ratio(answered_in, len(in_scope)),
        shown_rate=_ratio(shown, len(in_scope)),
        answer_precision=correct / len(answers) if answers else 1.0,
        answers_given=len(answers),
        oos_rejection_rate=rejected / len(oos) if oos else 1.0,
        latency_p50_ms=percentile(latencies, 50),
        latency_p99_ms=percentile(latencies, 99),
    )
