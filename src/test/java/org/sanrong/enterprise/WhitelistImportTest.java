package org.sanrong.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.sanrong.TestData;
import org.sanrong.identity.OrganisationRegistry;
import org.sanrong.identity.Registration;
import org.sanrong.identity.SignedInUser;
import org.sanrong.platform.InvalidRequestException;
import org.sanrong.platform.Spreadsheets;
import org.springframework.beans.factory.annotation.Autowired;

/** An office's 专精特新 list arrives as Excel: good rows applied, bad rows reported, wrong header refused. */
@SanrongTest
class WhitelistImportTest {

    @Autowired
    Qualifications qualifications;

    @Autowired
    OrganisationRegistry registry;

    @Autowired
    org.springframework.security.authentication.AuthenticationProvider provider;

    private SignedInUser gov() {
        return (SignedInUser) provider.authenticate(
                new org.springframework.security.authentication.UsernamePasswordAuthenticationToken("gov",
                        TestData.DEMO_PASSWORD)).getPrincipal();
    }

    private static byte[] xlsx(List<String> header, List<List<Object>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Spreadsheets.write(out, "名单", header, rows.iterator());
        return out.toByteArray();
    }

    @Test
    void appliesGoodRowsAndReportsEachBadOne() {
        String code = TestData.creditCode();
        String username = TestData.username("srdi");
        registry.register(new Registration("东莞白名单测试" + username + "有限公司", code, null, "钟二", TestData.mobile(),
                username, "钟二", TestData.DEMO_PASSWORD));
        byte[] file = xlsx(Qualifications.WHITELIST_COLUMNS, List.of(
                List.of(code, "东莞白名单测试", "ZJTX-2025-0001", "2025-01-01", "2027-12-31"),
                List.of(TestData.creditCodeWithWrongCheck(), "校验位错", "X", "2025-01-01", "2027-12-31"),
                List.of(TestData.creditCode(), "不在库中", "Y", "2025-01-01", "2027-12-31"),
                List.of(code, "日期错", "Z", "2025/01/01", "2027-12-31")));
        WhitelistImportReport report = qualifications.importWhitelist("SRDI_SME", new ByteArrayInputStream(file),
                gov());
        assertThat(report.applied()).isEqualTo(1);
        assertThat(report.rejected()).extracting(WhitelistImportReport.Rejected::line).containsExactly(3, 4, 5);
        assertThat(report.rejected()).extracting(WhitelistImportReport.Rejected::reason)
                .anySatisfy(r -> assertThat(r).contains("校验位"))
                .anySatisfy(r -> assertThat(r).contains("企业库中没有"))
                .anySatisfy(r -> assertThat(r).contains("yyyy-MM-dd"));
        assertThat(qualifications.of(code)).singleElement()
                .satisfies(q -> assertThat(q.status()).isEqualTo(QualificationView.Status.VERIFIED));

        qualifications.importWhitelist("SRDI_SME", new ByteArrayInputStream(file), gov());
        assertThat(qualifications.of(code)).as("re-import updates, never duplicates").hasSize(1);
    }

    @Test
    void refusesAFileWithTheWrongHeaderWhole() {
        byte[] file = xlsx(List.of("代码", "名称"), List.of(List.of(TestData.creditCode(), "x")));
        assertThatThrownBy(() -> qualifications.importWhitelist("SRDI_SME", new ByteArrayInputStream(file), gov()))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("表头应为");
    }
}
