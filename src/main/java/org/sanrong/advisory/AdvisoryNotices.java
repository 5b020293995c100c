package org.sanrong.advisory;

import java.util.List;
import java.util.UUID;
import org.sanrong.inbox.Inbox;
import org.sanrong.inbox.Notice;
import org.springframework.stereotype.Component;

/** Tells advisers, enterprises and government what happened, in the inbox, linking to the assignment or request. */
@Component
class AdvisoryNotices {

    static final String CATEGORY = "ADVISORY";

    private final Inbox inbox;

    AdvisoryNotices(Inbox inbox) {
        this.inbox = inbox;
    }

    void assigned(Assignment a, Adviser adviser) {
        String link = "/advisory/assignments/" + a.id().value();
        inbox.send(Notice.of(Notice.Recipient.member(adviser.institutionId(), adviser.username()), CATEGORY,
                title("新的服务企业：" + a.enterprise().name()), clip("政府部门指派您为 " + a.enterprise().name()
                + " 的金融顾问，请尽快联系企业并登记每次服务。" + (a.note() == null ? "" : "备注：" + a.note())))
                .linkTo(link).about(subject(a)));
        assignedToEnterprise(a, adviser);
    }

    /** One message to the adviser for an area assigned at once. */
    void assignedArea(Adviser adviser, int count, String area) {
        inbox.send(Notice.of(Notice.Recipient.member(adviser.institutionId(), adviser.username()), CATEGORY,
                title("新的服务企业：" + area + " " + count + "家"), clip("政府部门指派您为 " + area + " 的 " + count
                        + " 家企业的金融顾问，请逐一联系企业并登记每次服务。"))
                .linkTo("/institution/advisers#my-enterprises"));
    }

    void assignedToEnterprise(Assignment a, Adviser adviser) {
        String link = "/advisory/assignments/" + a.id().value();
        if (a.enterprise().organisationId() != null) {
            inbox.send(Notice.of(Notice.Recipient.organisation(a.enterprise().organisationId()), CATEGORY,
                    "已为您指派金融顾问", clip("政府部门为贵企业指派了金融顾问 " + adviser.displayName() + "（"
                            + adviser.institutionName() + "，电话 " + adviser.phone() + "），顾问会与您联系。"))
                    .linkTo(link).about(subject(a)));
        }
    }

    void requested(AdviceRequest r, List<UUID> governments) {
        for (UUID government : governments) {
            inbox.send(Notice.of(Notice.Recipient.organisation(government), CATEGORY,
                    title("企业申请金融顾问：" + r.enterprise().name()), clip(r.enterprise().name() + " 申请"
                            + label(r.speciality()) + "方面的金融顾问：" + r.description()))
                    .linkTo("/advisory#requests").about("advice-request:" + r.id().value()));
        }
    }

    void serviceLogged(Assignment a, Adviser adviser, ServiceRecord s) {
        if (a.enterprise().organisationId() == null) {
            return;
        }
        inbox.send(Notice.of(Notice.Recipient.organisation(a.enterprise().organisationId()), CATEGORY,
                "金融顾问登记了一次服务", clip(adviser.displayName() + " 登记了 " + s.servedOn() + " 的服务：" + s.summary()
                        + " 欢迎对这次服务打分评价。"))
                .linkTo("/advisory/assignments/" + a.id().value()).about(subject(a)));
    }

    static String subject(Assignment a) {
        return "assignment:" + a.id().value();
    }

    static String label(Speciality s) {
        return switch (s) {
            case CREDIT -> "信贷融资";
            case EQUITY -> "股权融资";
            case LISTING -> "上市辅导";
            case BOND -> "债券融资";
            case IP_FINANCING -> "知识产权融资";
            case GUARANTEE_INSURANCE -> "融资担保与保险";
            case LEASING -> "融资租赁";
            case POLICY -> "政策申报";
        };
    }

    private static String title(String s) {
        return clip(s, Notice.MAX_TITLE);
    }

    private static String clip(String s) {
        return clip(s, Notice.MAX_BODY);
    }

    private static String clip(String s, int max) {
        return s.codePointCount(0, s.length()) <= max ? s : s.substring(0, s.offsetByCodePoints(0, max - 1)) + "…";
    }
}
