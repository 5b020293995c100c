package org.sanrong.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.sanrong.TestData;
import org.sanrong.WebClient;
import org.sanrong.ledger.Ledger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo: a start-up's angel reward capped across the investor's year, the demo loan's interest subsidy, a listing
 * milestone's reward; one of each confirmed, noticed, approved, batched and paid with the ledger balanced.
 */
@SanrongTest
class SubsidyDemoTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Ledger ledger;

    private record Row(String policy, String status, long amountFen, boolean capApplied, String beneficiary) {
    }

    private List<Row> rows(String policy) {
        return jdbc.sql("SELECT policy_code, status, amount_fen, (calculation->>'capApplied')::boolean AS capped, "
                + "beneficiary_name FROM subsidy.entitlement WHERE policy_code = ? AND status <> 'NOT_ELIGIBLE' "
                + "AND (beneficiary_name LIKE '%（演示）' OR enterprise_code IN (SELECT credit_code FROM "
                + "enterprise.enterprise WHERE name LIKE '%（演示）')) ORDER BY event_date, amount_fen")
                .param(policy).query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getLong(3),
                        rs.getBoolean(4), rs.getString(5))).list();
    }

    @Test
    void theDemoHasEachKindOfRewardPaidThroughTheLedger() throws Exception {
        List<Row> angel = List.of();
        for (int i = 0; i < 100 && angel.size() < 2; i++) {
            angel = rows("GZ-ANGEL-2021");
            Thread.sleep(100);
        }
        assertThat(angel).extracting(Row::status, Row::amountFen, Row::capApplied).containsExactly(
                org.assertj.core.groups.Tuple.tuple("PAID", 480_000_000L, false),
                org.assertj.core.groups.Tuple.tuple("NOTICED", 20_000_000L, true));
        assertThat(rows("GD-INTEREST-2025")).extracting(Row::status).contains("PAID", "NOTICED");
        assertThat(rows("GD-INTEREST-2025")).filteredOn(r -> r.status().equals("PAID")).extracting(Row::amountFen)
                .as("28,875.00 × 35% = 10,106.25").containsExactly(1_010_625L);
        assertThat(rows("ZC-LISTING-STAGE-2023")).filteredOn(r -> r.status().equals("PAID")).extracting(Row::amountFen)
                .as("辅导备案 of the demo enterprise").contains(100_000_000L);
        for (String policy : List.of("GZ-ANGEL-2021", "GD-INTEREST-2025", "ZC-LISTING-STAGE-2023")) {
            String book = Subsidies.book(policy, java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear());
            long[] totals = ledger.totals(book);
            assertThat(totals[0]).as(book + " balanced").isEqualTo(totals[1]).isPositive();
        }
        WebClient startup = new WebClient(port);
        startup.login("startup", TestData.DEMO_PASSWORD);
        assertThat(startup.get("/subsidies").statusCode()).isEqualTo(200);
        assertThat(new WebClient(port).get("/subsidies/notices").body()).contains("GZ-ANGEL-2021")
                .contains("GD-INTEREST-2025");
    }
}
