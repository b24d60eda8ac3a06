"""perflint/analysis/commitments.py: quantitative commitments read from prose, and how metric phrases are matched.

The matching is character-level (Chinese has no word boundaries): what it gets right is asserted
first, then where it stops — the known limits are asserted as such, so a change that removes one
shows up here and the limit can be struck from the list.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from perflint.analysis.commitments import (MATCH, Bounds, bounds, conflict, extract, metric_key, prose_claims,
                                         shares_content, similarity, split_uses)
from perflint.values import parse_value


def read(prose: str) -> list[tuple[str, str]]:
    """(metric, bounds in base units) of each commitment of a text."""
    found = []
    for commitment in extract(prose):
        limits = bounds(commitment.constraint, commitment.metric)
        found.append((commitment.metric, limits.show() if limits else None))
    return found


# --- Extraction ---------------------------------------------------------------------------------

@pytest.mark.parametrize("prose, expected", [
    ("调解成功率达到96%以上", [("调解成功率", "≥96%")]),
    ("保障矛盾纠纷调解不低于500件", [("矛盾纠纷调解", "≥500件")]),
    ("矫正率达到100%", [("矫正率", "=100%")]),  # a share cannot pass 100%: 达到100% is =100%
    ("年均办理法律援助案件达到300件以上", [("法律援助案件", "≥300件")]),
    ("建成高标准农田1.2万亩", [("高标准农田", "=12000亩")]),  # 万 is normalised by the unit table
    ("检测结果报送时限不超过10个工作日", [("检测结果报送时限", "≤10个工作日")]),
    ("合格率90%-95%", [("合格率", "90%–95%")]),
    ("调解成功率：96％以上", [("调解成功率", "≥96%")]),
    ("培训人数1,500人", [("培训人数", "=1500人")]),
    ("已核查矫正对象数量占应核查矫正对象数量比例≥80%；社区矫正入矫率100%。",
     [("已核查矫正对象数量占应核查矫正对象数量比例", "≥80%"), ("社区矫正入矫率", "=100%")]),
])
def test_commitments_are_read_from_prose(prose, expected):
    assert read(prose) == expected


def test_the_value_part_is_read_by_the_value_parser():
    commitment = extract("调解成功率达到96%以上")[0]
    assert commitment.value == "达到96%以上"
    assert commitment.constraint == parse_value("达到96%以上")
    assert commitment.text == "调解成功率达到96%以上"


def test_a_clause_with_several_commitments():
    prose = "提升基层司法业务，保障基层司法协理员工资保险发放，保障矛盾纠纷调解不低于500件。"
    assert read(prose) == [("矛盾纠纷调解", "≥500件")]
    assert extract(prose)[0].text == "保障矛盾纠纷调解不低于500件"


def test_the_thing_counted_may_follow_the_number():
    assert read("完成8所学校屋面防水维修和6所学校学生厕所改造") == [
        ("学校屋面防水维修", "=8所"), ("学校学生厕所改造", "=6所")]
    assert read("新增8所学校") == [("新增学校", "=8所")]
    assert read("建成1.2万亩高标准农田") == [("高标准农田", "=12000亩")]


@pytest.mark.parametrize("prose", [
    "全部施工标段于2026年11月30日前完成竣工验收",  # a deadline, not a quantity
    "依据溧政办〔2024〕28号文件",  # a document number
    "按GB/T 30600-2022执行",  # a standard
    "按照《溧平县2026年高标准农田建设实施方案》实施",  # a title
    "12000亩×50公斤/亩=600吨",  # a calculation
    "深入开展“九五”普法工作",  # Chinese numerals (see the limits below)
    "加强2026年法治政府建设工作",  # a year
])
def test_what_is_not_a_commitment(prose):
    assert extract(prose) == []


# --- Units and bounds ------------------------------------------------------------------------------

def test_units_are_normalised_with_exact_decimals():
    a = bounds(parse_value("1.2万亩"))
    b = bounds(parse_value("12000亩"))
    assert a == b == Bounds("亩", Decimal("12000.0"), Decimal("12000.0"), "area")
    assert bounds(parse_value("≤2.27万元/人")).high == bounds(parse_value("≤22700元/人")).high
    assert bounds(parse_value("≥52人")).unit != bounds(parse_value("≥52人次")).unit


@pytest.mark.parametrize("parent, child, expected", [
    ("达到100%", "≥80%", "weaker"),
    ("1.2万亩", "≥1万亩", "weaker"),
    ("96%以上", "≥96%", None),
    ("1.2万亩", "≥12000亩", None),
    ("96%以上", "=100%", None),
    ("不超过10个工作日", "≥10个工作日", "opposite"),
    ("不超过3000元/人", "≤0.35万元/人", "weaker"),
    ("12000平方米", "=15000平方米", "differs"),
    ("90%-95%", "≥85%", "weaker"),
    ("500人", "≥500人次", None),  # different units are not compared
    # A fixed parent against a child bounded on one side: on both sides of the target.
    ("10个工作日", "≤10个工作日", None),
    ("10个工作日", "≤12个工作日", "weaker"),
    ("10个工作日", "≤8个工作日", None),
    ("10个工作日", "≥10个工作日", None),
    ("10个工作日", "≥8个工作日", "weaker"),
    ("≤10个工作日", "≤10个工作日", None),
    ("≤10个工作日", "≤11个工作日", "weaker"),
    ("≥90%", "≥90%", None),
    ("≥90%", "≥89%", "weaker"),
])
def test_conflicts_between_levels(parent, child, expected):
    assert conflict(bounds(parse_value(parent)), bounds(parse_value(child))) == expected


# --- Matching metric phrases ----------------------------------------------------------------------

@pytest.mark.parametrize("a, b", [
    ("调解成功率", "调解成功率"),
    ("调解成功率", "人民调解成功率"),  # containment
    ("矫正率", "已核查矫正对象数量占应核查矫正对象数量比例"),  # the rate's distinctive part, 比例≈率
    ("法律援助案件", "法律援助案件数"),  # 件数≈件
    ("受益学生", "受益学生人数"),  # 人数≈人
    ("贫困人口参保比例", "贫困人口参保率"),  # 比例≈率
    ("农产品质量安全定量检测", "农产品定量检测样品数"),  # bigram overlap
    ("满意率", "满意度"),
])
def test_metrics_that_match(a, b):
    assert similarity(a, b) >= MATCH


@pytest.mark.parametrize("a, b", [
    ("审查完成率", "宣传完成率"),  # only the generic 完成率 in common
    ("培训考核合格率", "工程竣工验收合格率"),
    ("合格率", "培训考核合格率"),  # a bare generic rate names nothing specific
    ("满意度", "受援人满意度"),
    ("调解成功率", "被调解人满意度"),
    ("普法宣传品制作数量", "法律宣传成本"),
    ("执法人员培训率", "执法人员考核通过率"),  # one subject, two rates: 培训 is not 通过
])
def test_metrics_that_do_not_match(a, b):
    assert similarity(a, b) < MATCH


def test_synonyms_come_from_the_data_table():
    assert metric_key("已核查对象比例") == "已核查对象率"
    assert metric_key("受益学生人数") == "受益学生人"


def test_claims_carry_their_pointer():
    claims = prose_claims("/overall/goal", "调解成功率达到96%以上；矫正率达到100%")
    assert [(c.pointer, c.metric, c.bounds.show()) for c in claims] == [
        ("/overall/goal", "调解成功率", "≥96%"), ("/overall/goal", "矫正率", "=100%")]


# --- Fund uses ----------------------------------------------------------------------------------------

def test_uses_are_split_and_matched_by_content_words():
    uses = split_uses("普法宣传业务费，人民调解办案补贴，法律援助办案费")
    assert uses == ["普法宣传业务费", "人民调解办案补贴", "法律援助办案费"]
    assert shares_content("普法宣传业务费", "普法宣传品制作数量")
    assert not shares_content("法律援助办案费", "法律宣传成本")  # 法律 alone is a generic word
    assert split_uses("用于支付2026年度司法协理员工资保险") == ["2026年度司法协理员工资保险"]


# --- Known limits: where the extraction and the matching stop --------------------------------------

def test_limit_chinese_numerals_are_not_read():
    """Only Arabic digits start a commitment: 二十期 and 百分之九十五 are missed (九五普法 is
    why: Chinese numerals in prose are far more often names than quantities)."""
    assert extract("开设田间实训班二十期") == []
    assert extract("合格率达到百分之九十五") == []


def test_limit_synonyms_outside_the_table_do_not_match():
    """Two names for the same thing with no character in common stay apart."""
    assert similarity("调解成功率", "矛盾纠纷化解率") < MATCH


def test_limit_shared_words_can_match_different_things():
    """Bigram overlap cannot tell 养护 from 新建 when the rest of the phrase is the same."""
    assert similarity("农村公路养护里程", "农村公路新建里程") >= MATCH


def test_limit_one_number_for_several_things_is_one_commitment():
    """律师、公证、司法鉴定机构 share one rate: it is read as one metric, not three."""
    assert read("律师、公证、司法鉴定机构覆盖率达到100%") == [("律师、公证、司法鉴定机构覆盖率", "=100%")]


def test_limit_a_per_item_norm_inside_the_phrase_reads_as_a_total():
    """每期… at the start is recognised as a norm by the rules; inside the phrase it is not."""
    assert read("培训班学员每期不少于25人") == [("培训班学员每期", "≥25人")]


def test_limit_words_after_the_unit_are_taken_as_the_thing_counted():
    """A short verb before the number takes whatever follows it: 培训1500人参加考核."""
    assert read("培训1500人参加考核") == [("培训参加考核", "=1500人")]


def test_limit_a_number_with_only_a_verb_is_dropped():
    """完成12000亩 names nothing that could be matched with an indicator."""
    assert extract("完成12000亩") == []


def test_limit_strict_and_non_strict_comparators_agree():
    """>96% and ≥96% are treated alike; only the numbers are compared."""
    assert conflict(bounds(parse_value("≥96%")), bounds(parse_value(">96%"))) is None
    assert conflict(bounds(parse_value(">96%")), bounds(parse_value("≥96%"))) is None


def test_limit_relative_targets_are_not_compared():
    """较上年增长5% in prose is read as a 5% rate named …增长; an indicator valued 较上年提高5% is a
    relative target with no bounds, so the two are never compared."""
    assert read("调解案件数较上年增长5%") == [("调解案件数较上年增长", "=5%")]
    assert bounds(parse_value("较上年提高5%")) is None


def test_two_measures_of_one_subject_do_not_match():
    """What follows the shared subject decides: 制作数量 and 台账建立份数 count different things."""
    from perflint.analysis.commitments import similarity

    assert similarity("普法宣传品台账建立份数", "普法宣传品制作数量") == 0
    assert similarity("矛盾纠纷调解", "调解矛盾纠纷") > 0  # the same words in another order still match
