package org.sanrong.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sanrong.inbox.Notice.Recipient;
import org.sanrong.platform.InvalidRequestException;

/** A notice checks itself: every bad field reported at once, links only inside the application. */
class InboxNoticeTest {

    static final Recipient ORG = Recipient.organisation(UUID.randomUUID());

    @Test
    void aGoodNoticeIsTidied() {
        Notice n = Notice.of(Recipient.member(ORG.organisationId(), " Bank "), "DEAL", "  机构已接单 ", "正文")
                .linkTo(" /deals/1?tab=log ").about("deal:1");
        assertThat(n.recipient().username()).isEqualTo("bank");
        assertThat(n.title()).isEqualTo("机构已接单");
        assertThat(n.link()).isEqualTo("/deals/1?tab=log");
        assertThat(n.subject()).isEqualTo("deal:1");
        assertThat(new Notice(ORG, "SYSTEM", "t", "b", " ", "").link()).isNull();
        assertThat(Notice.of(ORG, "DEMAND", "字".repeat(Notice.MAX_TITLE), "字".repeat(Notice.MAX_BODY)).title())
                .hasSize(Notice.MAX_TITLE);
    }

    @Test
    void linksMustStayInsideTheApplication() {
        for (String link : new String[] {"https://evil.example/x", "//evil.example/x", "/\\evil.example", "deals/1",
                "javascript:alert(1)", "/deals/1 2", "/" + "a".repeat(Notice.MAX_LINK)}) {
            assertThatThrownBy(() -> Notice.of(ORG, "DEAL", "t", "b").linkTo(link)).as(link)
                    .isInstanceOfSatisfying(InvalidRequestException.class,
                            e -> assertThat(e.fieldErrors()).containsOnlyKeys("link"));
        }
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThatThrownBy(() -> new Notice(ORG, "deal", "字".repeat(Notice.MAX_TITLE + 1), " ", "http://x",
                "deal: 1"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys("category", "title", "body", "link", "subject"));
        assertThatThrownBy(() -> Notice.of(ORG, "DEAL", "t", "字".repeat(Notice.MAX_BODY + 1)))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.fieldErrors()).containsOnlyKeys("body"));
        assertThatThrownBy(() -> Recipient.member(ORG.organisationId(), "no such user!"))
                .isInstanceOf(InvalidRequestException.class);
    }
}
