package org.sanrong.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.sanrong.identity.Membership;
import org.sanrong.identity.OrganisationRegistry;
import org.sanrong.inbox.InboxFixtures.Team;
import org.sanrong.inbox.Notice.Recipient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * With {@code sanrong.mail.enabled=false} (the default) nothing is sent or attempted, even with a mail server
 * configured and people who gave addresses.
 */
@SanrongTest
@TestPropertySource(properties = "sanrong.mail.enabled=false")
class InboxMailOffTest {

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
    ObjectProvider<JavaMailSender> mailSender;

    @Test
    void nothingIsSentOrAttempted() throws InterruptedException {
        assertThat(mailSender.getIfAvailable()).as("a mail server is configured, so only the switch holds it back")
                .isNotNull();
        InboxFixtures fixtures = new InboxFixtures(registry, membership, authentication);
        Team team = fixtures.team();
        inbox.changeMailAddress(fixtures.signIn(team.founder()), team.founder() + "@xinghe-demo.cn");
        inbox.changeMailAddress(fixtures.signIn(team.colleague()), team.colleague() + "@xinghe-demo.cn");
        UUID id = inbox.send(Notice.of(Recipient.organisation(team.organisationId()), Notice.DEAL, "机构已接单",
                "东莞科创银行已接单。"));
        assertThat(inbox.mailEnabled()).isFalse();
        assertThat(SMTP.waitForIncomingEmail(2_000, 1)).isFalse();
        assertThat(SMTP.getReceivedMessages()).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM inbox.delivery WHERE message_id = ? AND (mailed_to IS NOT NULL "
                + "OR mailed_at IS NOT NULL OR mail_failure IS NOT NULL)").param(id).query(Long.class).single())
                .as("no attempt recorded").isZero();
    }
}
