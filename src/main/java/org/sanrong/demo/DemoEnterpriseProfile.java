package org.sanrong.demo;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.sanrong.enterprise.EnterpriseBook;
import org.sanrong.enterprise.Profile;
import org.sanrong.enterprise.Qualifications;
import org.sanrong.enterprise.YearlyFigures;
import org.sanrong.identity.SignedInUser;
import org.sanrong.platform.DatabaseMode;
import org.sanrong.platform.SanrongProperties;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives the demo enterprise a full profile and a verified 高新技术企业 certificate, the way its founder and the
 * government would (through the pages' services), so that matching has something to show on the first visit.
 */
@Component
@Order(1)
class DemoEnterpriseProfile implements ApplicationRunner {

    private final EnterpriseBook book;
    private final Qualifications qualifications;
    private final AuthenticationProvider authentication;
    private final SanrongProperties properties;
    private final DatabaseMode databaseMode;

    DemoEnterpriseProfile(EnterpriseBook book, Qualifications qualifications, AuthenticationProvider authentication,
            SanrongProperties properties, DatabaseMode databaseMode) {
        this.book = book;
        this.qualifications = qualifications;
        this.authentication = authentication;
        this.properties = properties;
        this.databaseMode = databaseMode;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!properties.seedDemo(databaseMode.embedded())) {
            return;
        }
        SignedInUser founder = signIn("enterprise");
        String code = book.ownCreditCode(founder).orElse(null);
        if (code == null || book.facts(code).map(f -> f.industryCode() != null).orElse(true)) {
            return;
        }
        String name = book.card(code).orElseThrow().name();
        book.update(code, new Profile(name, "有限责任公司", LocalDate.of(2017, 6, 12), 2_000_000_000L, "441900401",
                "松山湖高新区工业北路 6 号", "C3911", Set.of("1"), 186, 23, 61, 8, 35, 6, true, "王创始人",
                "13800138003", "ir@xinghe-demo.cn"), List.of(
                new YearlyFigures(2024, 26_500_000_000L, 2_390_000_000L, 52),
                new YearlyFigures(2025, 31_800_000_000L, 2_950_000_000L, 58)), founder);
        var id = qualifications.declare(code, "HIGH_TECH", "GR202444006173", "广东省科学技术厅", LocalDate.of(2024, 12, 11),
                LocalDate.of(2027, 12, 10), "高新技术企业证书.pdf",
                "%PDF-1.4\n% demo certificate\n%%EOF\n".getBytes(StandardCharsets.US_ASCII), founder);
        qualifications.verify(id, signIn("gov"));
    }

    private SignedInUser signIn(String username) {
        return DemoData.signIn(authentication, username).orElseThrow(
                () -> new IllegalStateException("演示账号无法登录：" + username));
    }
}
