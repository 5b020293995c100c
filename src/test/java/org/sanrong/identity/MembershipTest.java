package org.sanrong.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.sanrong.TestData;
import org.sanrong.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An organisation admin invites a colleague, who joins through the link. */
@SanrongTest
class MembershipTest {

    @LocalServerPort
    int port;

    @Autowired
    OrganisationRegistry registry;

    @Test
    void invitedColleagueJoinsTheSameOrganisation() {
        String admin = TestData.username("boss");
        registry.register(new Registration("东莞邀请测试" + admin + "有限公司", TestData.creditCode(), null, "王五",
                TestData.mobile(), admin, "王五", TestData.DEMO_PASSWORD));
        WebClient web = new WebClient(port);
        web.login(admin, TestData.DEMO_PASSWORD);
        web.get("/organisation/members");
        String colleague = TestData.username("staff");
        HttpResponse<String> invited = web.postForm("/organisation/members/invitations",
                Map.of("username", colleague, "displayName", "赵六"));
        Matcher link = Pattern.compile("/invitations/([0-9a-f]{48})").matcher(invited.body());
        assertThat(link.find()).as("invitation link shown").isTrue();

        WebClient invitee = new WebClient(port);
        HttpResponse<String> page = invitee.get("/invitations/" + link.group(1));
        assertThat(page.body()).contains("东莞邀请测试" + admin);
        HttpResponse<String> weak = invitee.postForm("/invitations/" + link.group(1),
                Map.of("mobile", "", "password", "weak", "confirmPassword", "weak"));
        assertThat(weak.body()).contains("至少8位");
        HttpResponse<String> joined = invitee.postForm("/invitations/" + link.group(1),
                Map.of("mobile", TestData.mobile(), "password", "Colleague#1", "confirmPassword", "Colleague#1"));
        assertThat(joined.statusCode()).isEqualTo(302);

        HttpResponse<String> me = invitee.api("GET", "/api/v1/me", colleague, "Colleague#1", null);
        assertThat(me.body()).contains("东莞邀请测试" + admin).contains("\"organisationAdmin\":false");
        assertThat(invitee.get("/invitations/" + link.group(1)).statusCode()).as("link used up").isEqualTo(404);
    }

    @Test
    void ordinaryMembersCannotInvite() {
        WebClient web = new WebClient(port);
        // the demo enterprise's first account is its admin; a fresh invitee is not
        String admin = TestData.username("boss");
        registry.register(new Registration("东莞邀请权限" + admin + "有限公司", TestData.creditCode(), null, "王五",
                TestData.mobile(), admin, "王五", TestData.DEMO_PASSWORD));
        web.login(admin, TestData.DEMO_PASSWORD);
        web.get("/organisation/members");
        String colleague = TestData.username("staff");
        HttpResponse<String> invited = web.postForm("/organisation/members/invitations",
                Map.of("username", colleague, "displayName", "赵六"));
        Matcher link = Pattern.compile("/invitations/([0-9a-f]{48})").matcher(invited.body());
        assertThat(link.find()).isTrue();
        WebClient invitee = new WebClient(port);
        invitee.get("/invitations/" + link.group(1));
        invitee.postForm("/invitations/" + link.group(1),
                Map.of("mobile", "", "password", "Colleague#1", "confirmPassword", "Colleague#1"));

        invitee.login(colleague, "Colleague#1");
        invitee.get("/organisation/members");
        HttpResponse<String> refused = invitee.postForm("/organisation/members/invitations",
                Map.of("username", TestData.username("x"), "displayName", "钱七"));
        assertThat(refused.statusCode()).isEqualTo(403);
    }
}
