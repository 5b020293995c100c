package org.sanrong.deal;

import java.util.List;
import org.sanrong.inbox.Inbox;
import org.sanrong.inbox.Notice;
import org.sanrong.platform.Fen;
import org.springframework.stereotype.Component;

/** Tells each party what happened to a deal, in the inbox (and by e-mail where it is on), linking to the deal. */
@Component
class DealNotices {

    private final Inbox inbox;

    DealNotices(Inbox inbox) {
        this.inbox = inbox;
    }

    void applied(Deal d) {
        toInstitution(d, "新的融资申请", d.parties().enterpriseName() + " 申请 " + d.parties().productName() + " "
                + Fen.formatWan(d.amountFen()) + "，请在时限内受理。");
    }

    void pickedUp(Deal d) {
        toEnterprise(d, d.parties().institutionName() + " 已接单", d.parties().institutionName() + " 已受理您对 "
                + d.parties().productName() + " 的融资申请，正在审批。");
    }

    void fromRoadshow(Deal d) {
        toEnterprise(d, d.parties().institutionName() + " 有意投资", d.parties().institutionName()
                + " 在路演后对贵企业表达了投资意向，已以 " + d.parties().productName() + " 建立对接，正在尽职调查。");
    }

    void materialsRequested(Deal d) {
        toEnterprise(d, "请补充材料", d.parties().institutionName() + " 需要您补充材料：" + d.materialsRequest());
    }

    void materialsProvided(Deal d) {
        toInstitution(d, "企业已补充材料", d.parties().enterpriseName() + " 已补充材料，请在时限内作出决定。");
    }

    void decided(Deal d) {
        if (d.status() == DealStatus.OFFERED) {
            toEnterprise(d, "审批通过", d.parties().institutionName() + " 批复 " + Fen.formatWan(d.offer().amountFen())
                    + "，请确认是否接受。");
        } else {
            toEnterprise(d, "未获批准", d.parties().institutionName() + " 未批准您的申请，原因：" + d.declineReason().label()
                    + (d.declineNote() == null ? "" : "（" + d.declineNote() + "）") + "。可查看为您推荐的其他产品。");
        }
    }

    void offerAnswered(Deal d) {
        toInstitution(d, d.status() == DealStatus.ACCEPTED ? "企业已接受批复" : "企业放弃了批复",
                d.parties().enterpriseName() + (d.status() == DealStatus.ACCEPTED ? " 已接受批复，请办理放款并登记。"
                        : " 放弃了批复。"));
    }

    void withdrawn(Deal d) {
        toInstitution(d, "企业撤回申请", d.parties().enterpriseName() + " 撤回了对 " + d.parties().productName() + " 的申请。");
    }

    void funded(Deal d) {
        toEnterprise(d, d.parties().kind() == org.sanrong.catalog.FinancingKind.EQUITY ? "投资已登记" : "放款已登记",
                d.parties().institutionName() + " 已登记" + (d.disbursement() != null ? "放款 "
                        + Fen.formatWan(d.disbursement().amountFen()) : "投资 " + Fen.formatWan(d.investment().amountFen()))
                        + "。");
    }

    void overdue(Deal d, List<Deal> referrals) {
        String next = referrals.isEmpty() ? "可查看为您推荐的其他产品。" : "平台已自动转给："
                + String.join("、", referrals.stream().map(r -> r.parties().institutionName()).toList()) + "。";
        toEnterprise(d, "机构超时未处理", d.parties().institutionName() + " 未在规定的工作日内处理您的申请。" + next);
        toInstitution(d, "对接超时", "您对 " + d.parties().enterpriseName() + " 的案件已超过处理时限，已转给其他机构。");
        for (Deal r : referrals) {
            toInstitution(r, "平台转派的融资需求", r.parties().enterpriseName() + " 的融资需求 " + Fen.formatWan(r.amountFen())
                    + " 由平台转派给您，请在时限内受理。");
        }
    }

    void superseded(Deal d) {
        toInstitution(d, "需求已结束", d.parties().enterpriseName() + " 的融资需求已结束，待受理的案件已关闭。");
    }

    private void toEnterprise(Deal d, String title, String body) {
        send(d.parties().enterpriseOrganisationId(), d, title, body);
    }

    private void toInstitution(Deal d, String title, String body) {
        send(d.parties().institutionId(), d, title, body);
    }

    private void send(java.util.UUID organisation, Deal d, String title, String body) {
        inbox.send(Notice.of(Notice.Recipient.organisation(organisation), Notice.DEAL, clip(title, Notice.MAX_TITLE),
                clip(body, Notice.MAX_BODY)).linkTo("/deals/" + d.id().value()).about("deal:" + d.id().value()));
    }

    /** Notes quoted in a message may be long; the message keeps their start. */
    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
