package org.sanrong.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanrong.inbox.InboxFixtures.PW;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.sanrong.WebClient;
import org.sanrong.identity.Membership;
import org.sanrong.identity.OrganisationRegistry;
import org.sanrong.inbox.InboxFixtures.Team;
import org.sanrong.inbox.Notice.Recipient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The e-mail channel against a real SMTP server (GreenMail) in this JVM: one plain-text mail per member with an
 * address, after commit only; a dead mail server is recorded on the delivery and never fails the sender.
 */
@SanrongTest
@TestPropertySource(properties = {"sanrong.mail.enabled=true", "sanrong.mail.from=noreply@sanrong.test",
        "sanrong.public-url=https://sanrong.test/"})
class InboxMailTest {

    static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry properties) {
        properties.add("spring.mail.host", () -> "127.0.0.1");
        properties.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @LocalServerPort
    int port;

    @Autowired
    Inbox inbox;

    @Autowired
    OrganisationRegistry registry;

    @Autowired
    Membership membership;

    @Autowired
    AuthenticationProvider authentication;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    record MailState(@Nullable String to, @Nullable Instant at, @Nullable String failure) {
    }

    private MailState mailState(UUID message, String username) {
        return jdbc.sql("SELECT mailed_to, mailed_at, mail_failure FROM inbox.delivery WHERE message_id = ? "
                + "AND username = ?").params(message, username)
                .query((rs, n) -> new MailState(rs.getString(1),
                        rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant(), rs.getString(3)))
                .single();
    }

    private static <T> T eventually(Supplier<T> read, Predicate<T> done) {
        Instant until = Instant.now().plus(Duration.ofSeconds(15));
        T value = read.get();
        while (!done.test(value) && Instant.now().isBefore(until)) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            value = read.get();
        }
        return value;
    }

    @Test
    void eachMemberWithAnAddressGetsOneMailAfterCommitAndFailuresAreRecorded() throws Exception {
        InboxFixtures fixtures = new InboxFixtures(registry, membership, authentication);
        Team team = fixtures.team();
        String address = team.founder() + "@xinghe-demo.cn";
        WebClient founder = new WebClient(port);
        founder.login(team.founder(), PW);
        founder.get("/inbox/settings");
        assertThat(founder.postForm("/inbox/settings", Map.of("email", address)).statusCode()).isEqualTo(302);
        assertThat(founder.follow("/inbox/settings").body()).doesNotContain("id=\"mail-off\"");

        // a sender whose transaction rolls back tells no one, by mail either
        transactions.executeWithoutResult(tx -> {
            inbox.send(Notice.of(Recipient.organisation(team.organisationId()), Notice.DEAL, "撤回的通知", "不应送达"));
            tx.setRollbackOnly();
        });

        UUID deal = UUID.randomUUID();
        UUID id = inbox.send(Notice.of(Recipient.organisation(team.organisationId()), Notice.DEAL, "审批通过",
                "您的贷款申请已审批通过，请登录平台查看放款安排。").linkTo("/deals/" + deal).about("deal:" + deal));
        assertThat(SMTP.waitForIncomingEmail(15_000, 1)).as("the mail arrives").isTrue();
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage mail = received[0];
        assertThat(mail.getSubject()).isEqualTo("[三融] 审批通过");
        assertThat(mail.getRecipients(RecipientType.TO)).extracting(Object::toString).containsExactly(address);
        assertThat(mail.getFrom()).extracting(Object::toString).containsExactly("noreply@sanrong.test");
        assertThat(mail.getContentType()).startsWith("text/plain");
        String text = mail.getContent().toString();
        assertThat(text).contains("您的贷款申请已审批通过").contains("https://sanrong.test/deals/" + deal)
                .contains("https://sanrong.test/inbox");

        MailState sent = eventually(() -> mailState(id, team.founder()), s -> s.at() != null);
        // the delivery keeps where the mail went as a mask only (personal data, 等保 8.1.4.8)
        assertThat(sent.to()).isEqualTo(org.sanrong.platform.PersonalData.maskEmail(address)).contains("***@");
        assertThat(sent.failure()).isNull();
        assertThat(mailState(id, team.colleague())).as("no address, no mail")
                .isEqualTo(new MailState(null, null, null));
        assertThat(inbox.unreadCount(fixtures.signIn(team.founder()))).as("the mail does not read the message")
                .isEqualTo(1);

        // the mail server goes away: the sender still succeeds, the failure is on the founder's delivery
        SMTP.stop();
        UUID later = inbox.send(Notice.of(Recipient.organisation(team.organisationId()), Notice.DEAL, "已逾期",
                "需求已转给其他机构。"));
        assertThat(inbox.unreadCount(fixtures.signIn(team.founder()))).isEqualTo(2);
        MailState failed = eventually(() -> mailState(later, team.founder()), s -> s.failure() != null);
        assertThat(failed.failure()).isNotBlank();
        assertThat(failed.at()).isNull();
        assertThat(failed.to()).isEqualTo(org.sanrong.platform.PersonalData.maskEmail(address));
    }
}
