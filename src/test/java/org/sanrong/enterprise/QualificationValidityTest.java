package org.sanrong.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A qualification counts while verified and valid; on the day after its expiry it stops, nobody acting. */
class QualificationValidityTest {

    private static QualificationView q(QualificationView.Status status, LocalDate from, LocalDate until) {
        return new QualificationView(UUID.randomUUID(), "914403001922038216", "测试", "HIGH_TECH", "高新技术企业",
                "GR1", null, from, until, status, "DECLARED", null, Instant.now(), "u", null, null, null);
    }

    @Test
    void countsOnlyWhileVerifiedAndWithinValidity() {
        var verified = q(QualificationView.Status.VERIFIED, LocalDate.of(2024, 1, 1), LocalDate.of(2026, 12, 31));
        assertThat(verified.liveOn(LocalDate.of(2026, 12, 31))).isTrue();
        assertThat(verified.liveOn(LocalDate.of(2027, 1, 1))).isFalse();
        assertThat(verified.expiredOn(LocalDate.of(2027, 1, 1))).isTrue();
        assertThat(verified.liveOn(LocalDate.of(2023, 12, 31))).isFalse();
        assertThat(q(QualificationView.Status.DECLARED, LocalDate.of(2024, 1, 1), LocalDate.of(2026, 12, 31))
                .liveOn(LocalDate.of(2025, 6, 1))).isFalse();
    }
}
