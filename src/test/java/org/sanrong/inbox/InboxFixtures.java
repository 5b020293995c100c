package org.sanrong.inbox;

import java.util.UUID;
import org.sanrong.TestData;
import org.sanrong.identity.Membership;
import org.sanrong.identity.OrganisationRegistry;
import org.sanrong.identity.Registration;
import org.sanrong.identity.SignedInUser;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

/** A fresh enterprise with two members for each test, since the tests share one database. */
final class InboxFixtures {

    static final String PW = TestData.DEMO_PASSWORD;

    /** An organisation and its two members: the founder (its admin) and an invited colleague. */
    record Team(UUID organisationId, String founder, String colleague) {
    }

    private final OrganisationRegistry registry;
    private final Membership membership;
    private final AuthenticationProvider authentication;

    /** Built by each test class from its context's beans (a test-only component would join every context). */
    InboxFixtures(OrganisationRegistry registry, Membership membership, AuthenticationProvider authentication) {
        this.registry = registry;
        this.membership = membership;
        this.authentication = authentication;
    }

    Team team() {
        String founder = TestData.username("ib");
        UUID org = registry.register(new Registration("东莞消息测试" + founder + "科技有限公司", TestData.creditCode(), null,
                "钱七", TestData.mobile(), founder, "钱七", PW));
        String colleague = TestData.username("ibc");
        membership.acceptInvitation(membership.invite(founder, colleague, "孙八"), PW, null);
        return new Team(org, founder, colleague);
    }

    SignedInUser signIn(String username) {
        return (SignedInUser) authentication.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(username, PW)).getPrincipal();
    }
}
