from __future__ import annotations

from zhihui.kb.evaluation import QuestionResult, evaluate, percentile


def test_metrics() -> None:
    results = [
        QuestionResult("C1", "answer", "C1", 1.0),
        QuestionResult("C2", "clarify", "C2", 2.0),
        QuestionResult("C3", "answer", "C9", 3.0),
        QuestionResult(None, "none", "C1", 4.0),
        QuestionResult(None, "answer", "C4", 50.0),
    ]
    r = evaluate(results)
    assert r.n_in_scope == 3 and r.n_out_of_scope == 2
    assert r.top1_accuracy == 2 / 3
    assert r.answer_rate == 2 / 3
    assert r.answers_given == 3
    assert r.answer_precision == 1 / 3
    assert r.oos_rejection_rate == 0.5
    assert r.latency_p50_ms == 3.0 and r.latency_p99_ms == 50.0
    assert r.to_dict()["answers_given"] == 3


def test_shown_counts_right_answers_and_replies_that_suggest_the_entry() -> None:
    results = [
        QuestionResult("C1", "answer", "C1", 1.0, ("C1", "C2")),
        QuestionResult("C2", "answer", "C9", 1.0, ("C9", "C2")),  # a wrong answer: its suggestions are not shown
        QuestionResult("C3", "clarify", "C8", 1.0, ("C8", "C7", "C3")),
        QuestionResult("C4", "clarify", "C8", 1.0, ("C8", "C7", "C6")),
        QuestionResult("C5", "none", "C5", 1.0, ("C5",)),  # handed to a person, the page still lists it
        QuestionResult("C6", "none", None, 1.0, ()),
        QuestionResult(None, "clarify", "C1", 1.0, ("C1",)),
    ]
    assert evaluate(results).shown_rate == 3 / 6


def test_empty_and_percentile() -> None:
    r = evaluate([])
    assert r.top1_accuracy == 0.0 and r.answer_precision == 1.0
    assert percentile([5.0, 1.0, 3.0], 50) == 3.0
