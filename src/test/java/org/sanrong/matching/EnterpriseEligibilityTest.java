package org.sanrong.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.sanrong.TestData;
import org.sanrong.enterprise.EnterpriseBook;
import org.sanrong.enterprise.Profile;
import org.sanrong.enterprise.YearlyFigures;
import org.sanrong.identity.OrganisationRegistry;
import org.sanrong.identity.Registration;
import org.sanrong.identity.SignedInUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

/** A profile change reaches matching within a second, through the enterprise module's events. */
@SanrongTest
class EnterpriseEligibilityTest {

    @Autowired
    EnterpriseEligibility eligibility;

    @Autowired
    EnterpriseBook book;

    @Autowired
    OrganisationRegistry registry;

    @Autowired
    AuthenticationProvider authentication;

    @Test
    void profileChangeAltersEligibilityWithinOneSecond() {
        String username = TestData.username("idx");
        String code = TestData.creditCode();
        registry.register(new Registration("东莞索引测试" + username + "有限公司", code, null, "冯九", TestData.mobile(),
                username, "冯九", TestData.DEMO_PASSWORD));
        SignedInUser owner = (SignedInUser) authentication.authenticate(
                new UsernamePasswordAuthenticationToken(username, TestData.DEMO_PASSWORD)).getPrincipal();
        EnterpriseFilter humenElectronics = new EnterpriseFilter(Set.of("441900121"), Set.of("C39"), Set.of(),
                Set.of(), Set.of(), Set.of(), null, 10_000_000_000L, null, null, null);

        book.update(code, profile("东莞索引测试" + username + "有限公司", "441900121", "C3911"),
                List.of(new YearlyFigures(2025, 12_000_000_000L, 900_000_000L, 40)), owner);
        await().atMost(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(eligibility.eligible(humenElectronics)).contains(code));

        book.update(code, profile("东莞索引测试" + username + "有限公司", "441900401", "C3911"), List.of(), owner);
        await().atMost(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(eligibility.eligible(humenElectronics)).doesNotContain(code));

        eligibility.rebuild();
        assertThat(eligibility.eligible(humenElectronics)).as("after folding the overlay in").doesNotContain(code);
        assertThat(eligibility.count(new EnterpriseFilter(Set.of("441900401"), Set.of("C3911"), Set.of(), Set.of(),
                Set.of(), Set.of(), null, 10_000_000_000L, 12_000_000_000L, null, null))).isPositive();
        assertThat(eligibility.status().memoryBytes()).isPositive();
    }

    private static Profile profile(String name, String town, String industry) {
        return new Profile(name, "有限责任公司", java.time.LocalDate.of(2018, 4, 2), null, town, null, industry, Set.of(),
                60, 3, 5, 0, 2, 1, false, null, null, null);
    }
}
