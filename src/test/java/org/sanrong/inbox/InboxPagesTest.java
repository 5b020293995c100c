package org.sanrong.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanrong.inbox.InboxFixtures.PW;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.sanrong.WebClient;
import org.sanrong.identity.Membership;
import org.sanrong.identity.OrganisationRegistry;
import org.sanrong.inbox.InboxFixtures.Team;
import org.sanrong.inbox.Notice.Recipient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.AuthenticationProvider;

/**
 * The 消息 pages as a signed-in person uses them: the badge in the nav on any page, the list with unread messages
 * marked, opening a message, mark all read with the form's CSRF token, the pager, the e-mail setting.
 */
@SanrongTest
class InboxPagesTest {

    static final Pattern BADGE = Pattern.compile("id=\"inbox-badge\"[^>]*>([^<]+)<");

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

    InboxFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new InboxFixtures(registry, membership, authentication);
    }

    private WebClient signedIn(String username) {
        WebClient web = new WebClient(port);
        assertThat(web.login(username, PW).statusCode()).isEqualTo(302);
        return web;
    }

    private static String badge(HttpResponse<String> page) {
        assertThat(page.statusCode()).isEqualTo(200);
        Matcher m = BADGE.matcher(page.body());
        return m.find() ? m.group(1).strip() : "";
    }

    @Test
    void theNavBadgeCountsUnreadMessagesOnEveryPage() {
        Team team = fixtures.team();
        WebClient founder = signedIn(team.founder());
        assertThat(badge(founder.get("/enterprise/demands"))).as("nothing unread, no badge").isEmpty();
        assertThat(founder.get("/enterprise/demands").body()).contains("id=\"nav-inbox\"");
        for (int i = 0; i < 2; i++) {
            inbox.send(Notice.of(Recipient.organisation(team.organisationId()), Notice.DEMAND, "需求已被查看 " + i,
                    "有金融机构查看了您的融资需求。"));
        }
        assertThat(badge(founder.get("/enterprise/demands"))).isEqualTo("2");
        assertThat(badge(founder.follow("/"))).as("the home page too").isEqualTo("2");
        assertThat(badge(founder.get("/reference"))).isEqualTo("2");
        assertThat(founder.get("/reference?lang=en").body()).contains("Messages").contains("2 unread messages");
        assertThat(new WebClient(port).get("/login").body()).as("nobody signed in, no inbox")
                .doesNotContain("nav-inbox");
    }

    @Test
    void openingAMessageReadsItAndFollowsItsLink() {
        Team team = fixtures.team();
        UUID linked = inbox.send(Notice.of(Recipient.organisation(team.organisationId()), Notice.DEAL, "机构已接单",
                "东莞科创银行已接单。").linkTo("/enterprise/demands"));
        UUID plain = inbox.send(Notice.of(Recipient.organisation(team.organisationId()), Notice.SYSTEM, "系统维护通知",
                "平台将于今晚22:00至23:00维护，\n期间暂停服务。"));
        WebClient founder = signedIn(team.founder());

        HttpResponse<String> list = founder.get("/inbox");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("机构已接单").contains("系统维护通知").contains("融资对接").contains("系统通知")
                .contains("data-message=\"" + linked + "\"").contains("id=\"inbox-filter\"");
        assertThat(list.body().split("sr-unread", -1).length - 1).as("both unread, highlighted").isEqualTo(2);

        HttpResponse<String> opened = founder.get("/inbox/" + linked);
        assertThat(opened.statusCode()).isEqualTo(302);
        assertThat(opened.headers().firstValue("Location").orElseThrow()).endsWith("/enterprise/demands");
        HttpResponse<String> shown = founder.get("/inbox/" + plain);
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains("平台将于今晚22:00至23:00维护").contains("id=\"inbox-message\"");
        assertThat(badge(shown)).as("the badge already counts the message just opened as read").isEmpty();

        HttpResponse<String> afterwards = founder.get("/inbox");
        assertThat(afterwards.body()).doesNotContain("sr-unread");
        assertThat(founder.get("/inbox?unread=true").body()).contains("id=\"inbox-empty\"");
        assertThat(badge(signedIn(team.colleague()).get("/inbox"))).as("still unread for the colleague")
                .isEqualTo("2");
        assertThat(signedIn("bank").get("/inbox/" + plain).statusCode()).as("another organisation").isEqualTo(404);
    }

    @Test
    void markAllReadFiltersAndPager() {
        Team team = fixtures.team();
        for (int i = 0; i < 22; i++) {
            inbox.send(Notice.of(Recipient.organisation(team.organisationId()), Notice.DEAL, "对接进展 " + i,
                    "第 " + i + " 条进展。"));
        }
        inbox.send(Notice.of(Recipient.organisation(team.organisationId()), Notice.DEMAND, "需求即将过期", "还有7天。"));
        WebClient founder = signedIn(team.founder());
        HttpResponse<String> first = founder.get("/inbox");
        assertThat(first.body()).contains("需求即将过期").contains("?page=1").contains("共 23 条");
        assertThat(founder.get("/inbox?page=1").body()).contains("对接进展 0").doesNotContain("需求即将过期");
        HttpResponse<String> demands = founder.get("/inbox?category=DEMAND&unread=true");
        assertThat(demands.body()).contains("需求即将过期").doesNotContain("对接进展").contains("共 1 条");
        assertThat(badge(demands)).isEqualTo("23");

        assertThat(founder.postFormRaw("/inbox/read-all", Map.of()).statusCode()).as("no CSRF token")
                .isEqualTo(403);
        founder.get("/inbox");
        HttpResponse<String> marked = founder.postForm("/inbox/read-all", Map.of());
        assertThat(marked.statusCode()).isEqualTo(302);
        assertThat(marked.headers().firstValue("Location").orElseThrow()).endsWith("/inbox");
        HttpResponse<String> after = founder.follow("/inbox");
        assertThat(after.body()).contains("已将 23 条消息标为已读").doesNotContain("sr-unread");
        assertThat(badge(after)).isEmpty();
        assertThat(inbox.unreadCount(fixtures.signIn(team.colleague()))).isEqualTo(23);
    }

    @Test
    void aPersonSetsWhereNoticesAreMailed() {
        Team team = fixtures.team();
        WebClient founder = signedIn(team.founder());
        HttpResponse<String> form = founder.get("/inbox/settings");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).as("mail is off in the tests' default settings").contains("id=\"mail-off\"");
        HttpResponse<String> bad = founder.postForm("/inbox/settings", Map.of("email", "not an address"));
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("请填写有效的电子邮箱地址").contains("is-invalid");
        HttpResponse<String> saved = founder.postForm("/inbox/settings", Map.of("email", "qian@xinghe-demo.cn"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(founder.follow("/inbox/settings").body()).contains("value=\"qian@xinghe-demo.cn\"")
                .contains("邮件通知设置已保存");
        assertThat(inbox.mailAddress(fixtures.signIn(team.founder()))).contains("qian@xinghe-demo.cn");
        founder.postForm("/inbox/settings", Map.of("email", " "));
        assertThat(inbox.mailAddress(fixtures.signIn(team.founder()))).isEmpty();
    }
}
