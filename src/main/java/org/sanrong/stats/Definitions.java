package org.sanrong.stats;

/**
 * Each indicator's definition in one sentence (numerator, denominator, period, which records count, basis), as
 * docs/indicators.md gives it; the page shows the message-bundle version next to each figure, exports and the
 * monthly report this one.
 */
public final class Definitions {

    private Definitions() {
    }

    static final String BASIS = "口径：本平台登记的贷款（机构在平台登记放款并报送还款状态），非人民银行统计数。";
    public static final String BALANCE = "报告日（所选月份最后一天）各笔贷款最近一次报送的未还本金之和；已结清为0。" + BASIS;
    public static final String INCREASE = "报告日余额减去上年12月末余额（比年初增加），可为负数。" + BASIS;
    public static final String ISSUED_MONTH = "所选月份内放款日期落在该月的贷款放款金额之和（发放额，不扣还款）。" + BASIS;
    public static final String ISSUED_YTD = "本年1月1日至报告日放款金额之和（累计发放额）。" + BASIS;
    public static final String YEAR_ON_YEAR = "（报告日余额 − 上年同月末余额）÷ 上年同月末余额 × 100%；上年同期为0时不计算。" + BASIS;
    public static final String BORROWERS = "报告日贷款余额大于0的不同企业数（按统一社会信用代码去重）。" + BASIS;
    public static final String FIRST_BORROWERS = "在平台上第一笔贷款于所选期间发放的企业数（首贷户，以平台登记为准，不含平台外贷款史）。";
    public static final String CREDIT_SHARE = "产品类型为信用贷款的余额 ÷ 全部余额 × 100%。" + BASIS;
    public static final String NPL = "报告日状态为不良的贷款余额 ÷ 全部余额 × 100%（以机构报送状态为准）。" + BASIS;
    public static final String INVESTED = "本年1月1日至报告日机构登记的股权投资实缴金额之和。";
    public static final String DEMANDS = "本年1月1日至报告日首次发布的融资需求笔数（修改后重新发布不重复计数）。";
    public static final String DEMANDS_MET = "本年结束的需求中结果为已满足或部分满足的笔数。";
    public static final String COMPENSATION = "风险补偿资金池本年（至报告日）向银行支付补偿的笔数和金额，以平台上风险补偿申请的实际支付为准"
            + "（风险分担模块的支付事件）；选择机构时只计该机构获得的补偿。";
    public static final String SUBSIDIES = "各项补贴和奖励（天使投资奖励、贴息、上市奖励等）本年（至报告日）从政策预算实际拨付的笔数和金额，"
            + "以平台补贴模块的拨付记录为准；选择机构时只计该机构自己获得的（如天使投资奖励）";
    public static final String MATCH_SUCCESS = "本年结束的融资需求中已满足或部分满足的笔数 ÷ 本年结束的融资需求笔数 × 100%。";
    public static final String RESPONSE = "本年作出审批决定的对接案件，从案件到达机构到作出决定的工作日数（按国务院节假日安排）的中位数。";
    public static final String ACCESS_RATE = "报告日名单内企业中有贷款余额的企业数 ÷ 报告日名单企业数 × 100%；名单为该月最后一次留存的名单"
            + "（已核验且在有效期内的资质）；选择镇街或行业时按留存名单时企业所在镇街和行业统计，选择机构时只计该机构的贷款。";
    public static final String TECH_GROWTH = "科技型企业（在任一科技名单上）贷款余额同比增速，对照目标（默认15%）：达到为绿灯，"
            + "低于目标5个百分点以内为黄灯，其余为红灯。";
    public static final String TWO_INCREASES = "普惠小微“两增”：普惠小微贷款比年初增速不低于各项贷款比年初增速，"
            + "有贷款余额的户数不低于年初水平；普惠小微企业指小型、微型企业（从业人员少于300人或营业收入少于2000万元）且在平台上的"
            + "贷款合计不超过1000万元。";
}
