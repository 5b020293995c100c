package org.sanrong.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sanrong.inbox.InboxFixtures.PW;

import java.net.http.HttpResponse;
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
import org.sanrong.platform.InvalidRequestException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.AuthenticationProvider;

/**
 * The inbox over real HTTP: an organisation's notice reaches each member with their own read state; nobody else
 * can tell it exists; mark all read; the operator's notices are checked like any module's.
 */
@SanrongTest
class InboxApiTest {

    static final Pattern TOTAL = Pattern.compile("\"total\":(\\d+)");

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
    WebClient web;

    @BeforeEach
    void setUp() {
        fixtures = new InboxFixtures(registry, membership, authentication);
        web = new WebClient(port);
    }

    private HttpResponse<String> get(String username, String path) {
        return web.api("GET", path, username, PW, null);
    }

    private HttpResponse<String> post(String username, String path) {
        return web.api("POST", path, username, PW, null);
    }

    private long unread(String username) {
        HttpResponse<String> r = get(username, "/api/v1/inbox/unread-count");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        Matcher m = Pattern.compile("\"unread\":(\\d+)").matcher(r.body());
        assertThat(m.find()).as(r.body()).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static long total(HttpResponse<String> r) {
        Matcher m = TOTAL.matcher(r.body());
        assertThat(m.find()).as(r.body()).isTrue();
        return Long.parseLong(m.group(1));
    }

    private UUID dealNotice(Team team) {
        UUID deal = UUID.randomUUID();
        return inbox.send(Notice.of(Recipient.organisation(team.organisationId()), Notice.DEAL, "机构已接单",
                "东莞科创银行已接单，客户经理将在两个工作日内联系您。").linkTo("/deals/" + deal).about("deal:" + deal));
    }

    @Test
    void anOrganisationsNoticeReachesEachMemberAndReadingIsPersonal() {
        Team team = fixtures.team();
        assertThat(unread(team.founder())).isZero();
        UUID id = dealNotice(team);

        assertThat(unread(team.founder())).isEqualTo(1);
        assertThat(unread(team.colleague())).isEqualTo(1);
        HttpResponse<String> list = get(team.founder(), "/api/v1/inbox");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(id.toString()).contains("机构已接单").contains("\"category\":\"DEAL\"")
                .contains("\"readAt\":null");

        HttpResponse<String> read = post(team.colleague(), "/api/v1/inbox/" + id + "/read");
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(read.body()).contains(id.toString()).doesNotContain("\"readAt\":null");
        assertThat(unread(team.colleague())).as("the reader's count").isZero();
        assertThat(unread(team.founder())).as("the colleague's read leaves it unread for the founder").isEqualTo(1);
        assertThat(get(team.founder(), "/api/v1/inbox?unread=true").body()).contains(id.toString());
        assertThat(total(get(team.colleague(), "/api/v1/inbox?unread=true"))).isZero();
        assertThat(total(get(team.colleague(), "/api/v1/inbox"))).as("read messages stay listed").isEqualTo(1);
        assertThat(post(team.colleague(), "/api/v1/inbox/" + id + "/read").body()).as("reading again keeps the time")
                .isEqualTo(read.body());
        assertThat(get(team.founder(), "/api/v1/inbox/" + id).body()).as("GET does not mark read")
                .contains("\"readAt\":null");
        assertThat(unread(team.founder())).isEqualTo(1);
    }

    @Test
    void anotherOrganisationCannotTellTheMessageExists() {
        Team team = fixtures.team();
        UUID id = dealNotice(team);
        HttpResponse<String> foreign = get("bank", "/api/v1/inbox/" + id);
        HttpResponse<String> missing = get("bank", "/api/v1/inbox/" + UUID.randomUUID());
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(foreign.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(foreign.body().replace(id.toString(), "ID"))
                .as("the same answer as for a message that does not exist")
                .isEqualTo(missing.body().replaceAll("[0-9a-f-]{36}", "ID"));
        assertThat(post("bank", "/api/v1/inbox/" + id + "/read").statusCode()).isEqualTo(404);
        assertThat(get("bank", "/api/v1/inbox?pageSize=200").body()).doesNotContain(id.toString());
        assertThat(unread(team.founder())).as("the refused read changed nothing").isEqualTo(1);
        assertThat(web.api("GET", "/api/v1/inbox/unread-count", null, null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void aNoticeForOneMemberReachesOnlyThatMember() {
        Team team = fixtures.team();
        UUID id = inbox.send(Notice.of(Recipient.member(team.organisationId(), team.colleague()), Notice.DEMAND,
                "请补充材料", "审批需要补充近三个月的银行流水。"));
        assertThat(unread(team.colleague())).isEqualTo(1);
        assertThat(unread(team.founder())).isZero();
        assertThat(get(team.founder(), "/api/v1/inbox/" + id).statusCode()).isEqualTo(404);
        assertThatThrownBy(() -> inbox.send(Notice.of(Recipient.member(team.organisationId(), "bank"),
                Notice.DEMAND, "t", "b"))).as("bank is not a member of this enterprise")
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void markAllReadIsPerPerson() {
        Team team = fixtures.team();
        for (int i = 0; i < 3; i++) {
            dealNotice(team);
        }
        assertThat(unread(team.founder())).isEqualTo(3);
        HttpResponse<String> all = post(team.founder(), "/api/v1/inbox/read-all");
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.body()).isEqualTo("{\"marked\":3}");
        assertThat(unread(team.founder())).isZero();
        assertThat(unread(team.colleague())).isEqualTo(3);
        assertThat(post(team.founder(), "/api/v1/inbox/read-all").body()).isEqualTo("{\"marked\":0}");
    }

    @Test
    void filtersAndPages() {
        Team team = fixtures.team();
        for (int i = 0; i < 12; i++) {
            dealNotice(team);
        }
        inbox.send(Notice.of(Recipient.organisation(team.organisationId()), Notice.DEMAND, "需求即将过期",
                "您的融资需求将于7天后过期。").about("demand:x1"));
        String founder = team.founder();
        assertThat(total(get(founder, "/api/v1/inbox"))).isEqualTo(13);
        assertThat(total(get(founder, "/api/v1/inbox?category=demand"))).isEqualTo(1);
        assertThat(total(get(founder, "/api/v1/inbox?subject=demand:x1"))).isEqualTo(1);
        HttpResponse<String> first = get(founder, "/api/v1/inbox?pageSize=5");
        assertThat(first.body()).as("newest first").contains("需求即将过期");
        HttpResponse<String> last = get(founder, "/api/v1/inbox?pageSize=5&page=2");
        assertThat(last.body().split("\"id\":").length - 1).isEqualTo(3);
        assertThat(last.body()).doesNotContain("需求即将过期");
    }

    @Test
    void theOperatorsNoticesAreCheckedAndOnlyTheOperatorSendsThem() {
        Team team = fixtures.team();
        String org = team.organisationId().toString();
        HttpResponse<String> badLink = web.api("POST", "/api/v1/admin/notices", "admin", PW,
                "{\"organisationId\":\"" + org + "\",\"title\":\"维护通知\",\"body\":\"今晚维护\","
                        + "\"link\":\"https://evil.example/login\"}");
        assertThat(badLink.statusCode()).as(badLink.body()).isEqualTo(400);
        assertThat(badLink.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(badLink.body()).contains("\"errors\"").contains("\"link\"");

        HttpResponse<String> tooLong = web.api("POST", "/api/v1/admin/notices", "admin", PW,
                "{\"organisationId\":\"" + org + "\",\"title\":\"" + "长".repeat(101) + "\",\"body\":\"今晚维护\","
                        + "\"link\":\"//evil.example\"}");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("\"title\"").contains("\"link\"").contains("标题不能超过100个字");
        assertThat(unread(team.founder())).as("nothing stored").isZero();

        String good = "{\"organisationId\":\"" + org + "\",\"title\":\"系统维护通知\",\"body\":\"平台将于今晚22:00维护。\"}";
        assertThat(web.api("POST", "/api/v1/admin/notices", "bank", PW, good).statusCode()).isEqualTo(403);
        HttpResponse<String> sent = web.api("POST", "/api/v1/admin/notices", "admin", PW, good);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        assertThat(unread(team.founder())).isEqualTo(1);
        assertThat(get(team.colleague(), "/api/v1/inbox").body()).contains("系统维护通知")
                .contains("\"category\":\"SYSTEM\"");
        assertThat(web.api("POST", "/api/v1/admin/notices", "admin", PW, "{\"organisationId\":\""
                + UUID.randomUUID() + "\",\"title\":\"t\",\"body\":\"b\"}").statusCode()).isEqualTo(404);
    }

    @Test
    void theApiIsDocumented() {
        assertThat(web.get("/v3/api-docs").body()).contains("/api/v1/inbox").contains("/api/v1/inbox/unread-count")
                .contains("/api/v1/inbox/{id}/read").contains("/api/v1/inbox/read-all")
                .contains("/api/v1/admin/notices");
    }

    @Test
    void demoAccountsHaveTheirWelcome() {
        assertThat(total(get("bank", "/api/v1/inbox?subject=" + "demo:welcome"))).isPositive();
        assertThat(total(get("enterprise", "/api/v1/inbox?subject=demo:welcome"))).isEqualTo(2);
        assertThat(total(get("gov", "/api/v1/inbox?subject=demo:welcome&category=SYSTEM"))).isEqualTo(1);
    }
}
