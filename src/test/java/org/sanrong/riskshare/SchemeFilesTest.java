package org.sanrong.riskshare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Scheme files are read exactly and checked: a mistake stops the start naming the file and the rule. */
class SchemeFilesTest {

    @Test
    void theShippedFilesReadExactly() {
        Scheme gz = SchemeFixtures.scheme("GZ-2025-BANK");
        assertThat(gz.validFrom()).isEqualTo(LocalDate.of(2025, 10, 1));
        assertThat(gz.validUntil()).isEqualTo(LocalDate.of(2028, 9, 30));
        assertThat(gz.ratio().tiers().getFirst().ratio().toPlainString()).as("no floating point").isEqualTo("0.40");
        assertThat(gz.budget().yearly().toPlainString()).isEqualTo("1500000000.00");
        assertThat(gz.suspension().lossRatioAbove().toPlainString()).isEqualTo("0.03");
        assertThat(gz.sources().getFirst().reference()).isEqualTo("穗金管规字〔2025〕1号");
        assertThat(gz.review().steps()).hasSize(2);
        assertThat(gz.inForceOn(LocalDate.of(2025, 9, 30))).isFalse();
        assertThat(gz.inForceOn(LocalDate.of(2028, 9, 30))).isTrue();
        assertThat(gz.inForceIn(2025)).isTrue();
        assertThat(gz.filing().lastDay(LocalDate.of(2026, 3, 5))).isEqualTo(LocalDate.of(2026, 12, 31));
        for (String code : new String[] {"GZ-2025-GUARANTEE", "AH-2022-TECH", "DG-2024-WHITELIST"}) {
            assertThat(SchemeFixtures.scheme(code).code()).isEqualTo(code);
        }
        assertThat(SchemeFixtures.guarantee("NFGF-TECH-2024").parties()).hasSize(4);
        assertThat(SchemeFixtures.guarantee("AH-4321").maxPrincipal()).isEqualByComparingTo("20000000");
    }

    private static String gz() {
        return SchemeFixtures.text("/riskshare/schemes/GZ-2025-BANK.yaml");
    }

    @Test
    void mistakesAreNamed() {
        assertThatThrownBy(() -> SchemeFiles.scheme("x.yaml", gz().replace("upTo: \"15000000.00\"",
                "upTo: \"4000000.00\""))).hasMessageContaining("x.yaml").hasMessageContaining("逐档递增");
        assertThatThrownBy(() -> SchemeFiles.scheme("x.yaml", gz().replace("cap: \"0.50\"", "cap: \"1.5\"")))
                .hasMessageContaining("ratio.cap");
        assertThatThrownBy(() -> SchemeFiles.scheme("x.yaml", gz().replace("share: \"1\"", "share: \"0.9\"")))
                .hasMessageContaining("合计须为1");
        assertThatThrownBy(() -> SchemeFiles.scheme("x.yaml", gz().replace("productTypes: [CREDIT_LOAN",
                "productTypes: [CREDIT_LAON"))).hasMessageContaining("CREDIT_LAON");
        assertThatThrownBy(() -> SchemeFiles.scheme("x.yaml", gz().replace("validUntil: 2028-09-30",
                "validUntil: 2024-09-30"))).hasMessageContaining("validUntil");
        assertThatThrownBy(() -> SchemeFiles.scheme("x.yaml", gz().replace("payOrder: 10", "payOrder: 10\nbudjet: 1")))
                .as("an unknown key is a typo, not ignored").hasMessageContaining("budjet");
        assertThatThrownBy(() -> SchemeFiles.scheme("x.yaml", gz().replace("ratio: \"0.40\"", "ratio: \"abc\"")))
                .hasMessageContaining("x.yaml");
        assertThatThrownBy(() -> SchemeFiles.scheme("x.yaml", "- a\n- b")).hasMessageContaining("键值对");
    }
}
