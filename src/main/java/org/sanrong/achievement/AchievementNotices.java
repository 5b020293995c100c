package org.sanrong.achievement;

import org.jspecify.annotations.Nullable;
import org.sanrong.inbox.Inbox;
import org.sanrong.inbox.Notice;
import org.springframework.stereotype.Component;

/** Tells the organisation that answers for an achievement of each expression of interest, in its inbox. */
@Component
class AchievementNotices {

    static final String CATEGORY = "ACHIEVEMENT";

    private final Inbox inbox;

    AchievementNotices(Inbox inbox) {
        this.inbox = inbox;
    }

    void interestExpressed(Achievement a, String enterpriseName, @Nullable Intent intent, String message) {
        String body = enterpriseName + " 对成果《" + a.title() + "》表达了合作意向" + (intent == null ? ""
                : "（" + label(intent) + "）") + "：" + message;
        inbox.send(Notice.of(Notice.Recipient.organisation(a.managingOrganisationId()), CATEGORY,
                clip("收到科技成果合作意向：" + a.title(), Notice.MAX_TITLE), clip(body, Notice.MAX_BODY))
                .linkTo("/achievements/" + a.id().value() + "#interests").about(AchievementLibrary.target(a.id())));
    }

    static String label(Intent intent) {
        return switch (intent) {
            case LICENSE -> "许可使用";
            case TRANSFER -> "转让";
            case JOINT_DEVELOPMENT -> "合作开发";
            case FINANCING -> "融资";
        };
    }

    private static String clip(String s, int max) {
        return s.codePointCount(0, s.length()) <= max ? s
                : s.substring(0, s.offsetByCodePoints(0, max - 1)) + "…";
    }
}
