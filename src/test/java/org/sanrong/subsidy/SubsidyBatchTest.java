package org.sanrong.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.sanrong.TestData;
import org.sanrong.WebClient;
import org.sanrong.deal.DealFixtures;
import org.sanrong.deal.InvestmentRecorded;
import org.sanrong.identity.OrganisationKind;
import org.sanrong.identity.OrganisationRegistry;
import org.sanrong.ledger.AccountRef;
import org.sanrong.ledger.Ledger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Payment batches by allocation mode, hand-computed: first come first served stops where the budget ends, pro rata at
 * the cut-off shares the budget to the fen, ranked selection pays only what officials chose; maker ≠ checker, a
 * third official above the configured amount, a batch never above the budget, payment once, Excel export.
 */
@SanrongTest
class SubsidyBatchTest {

    private static final String PW = TestData.DEMO_PASSWORD;

    @LocalServerPort
    int port;
    @Autowired
    OrganisationRegistry registry;
    @Autowired
    Subsidies subsidies;
    @Autowired
    Ledger ledger;
    @Autowired
    JdbcClient jdbc;

    private UUID vc(String prefix) {
        return SubsidyFixtures.vc(registry, prefix).id();
    }

    /** An approved entitlement of the test policy for an investment of {@code fen} (the test formula pays it all). */
    private UUID approved(String policy, UUID vc, long fen, LocalDate on) {
        Entitlement e = subsidies.investmentRecorded(new InvestmentRecorded(UUID.randomUUID(), vc, TestData.creditCode(),
                UUID.randomUUID(), fen, new BigDecimal("10.00"), on)).stream()
                .filter(x -> x.policyCode().equals(policy)).findFirst().orElseThrow();
        assertThat(e.amountFen()).isEqualTo(fen);
        jdbc.sql("UPDATE subsidy.entitlement SET status = 'APPROVED', confirmed_by = 'x', noticed_by = 'gov', "
                + "approved_by = 'gov2', approved_at = clock_timestamp() WHERE id = ?").param(e.id().value()).update();
        return e.id().value();
    }

    private HttpResponse<String> api(String method, String path, String username, String body) {
        return new WebClient(port).api(method, path, username, PW, body);
    }

    private static JsonNode json(HttpResponse<String> r) {
        return DealFixtures.json(r);
    }

    private String status(UUID entitlement) {
        return jdbc.sql("SELECT status FROM subsidy.entitlement WHERE id = ?").param(entitlement).query(String.class)
                .single();
    }

    @Test
    void firstComeStopsWhereTheBudgetEndsMakerIsNotCheckerAndPaysOnce() throws Exception {
        UUID vc = vc("预算测试");
        int year = 2029;
        UUID a = approved("TEST-TINY-BUDGET", vc, 40_000L, LocalDate.of(year, 1, 2));
        UUID b = approved("TEST-TINY-BUDGET", vc, 40_000L, LocalDate.of(year, 1, 3));
        UUID c = approved("TEST-TINY-BUDGET", vc, 40_000L, LocalDate.of(year, 1, 4));
        HttpResponse<String> prepared = api("POST", "/api/v1/subsidies/batches", "gov",
                "{\"policy\": \"TEST-TINY-BUDGET\", \"year\": " + year + "}");
        assertThat(prepared.statusCode()).as(prepared.body()).isEqualTo(201);
        JsonNode batch = json(prepared);
        assertThat(batch.path("available").asText()).isEqualTo("1000.00");
        assertThat(batch.path("total").asText()).as("400 + 400; the third 400 would pass 1,000").isEqualTo("800.00");
        assertThat(batch.path("items").valueStream().map(n -> n.path("entitlement").asText()).toList())
                .containsExactly(a.toString(), b.toString());
        String path = "/api/v1/subsidies/batches/" + batch.path("id").asText();

        HttpResponse<String> self = api("POST", path + "/check", "gov", null);
        assertThat(self.statusCode()).isEqualTo(409);
        assertThat(self.body()).contains("经办与复核");
        assertThat(api("POST", path + "/payment", "gov", null).statusCode()).as("not checked").isEqualTo(409);
        HttpResponse<String> checked = api("POST", path + "/check", "gov2", null);
        assertThat(json(checked).path("status").asText()).as("800 is below the second-approval amount")
                .isEqualTo("APPROVED");
        long budgetBefore = subsidies.fundBudget("TEST-TINY-BUDGET", year);
        HttpResponse<String> paid = api("POST", path + "/payment", "gov", null);
        assertThat(json(paid).path("status").asText()).isEqualTo("PAID");
        assertThat(api("POST", path + "/payment", "gov2", null).statusCode()).as("paid again: nothing more")
                .isEqualTo(200);
        String book = Subsidies.book("TEST-TINY-BUDGET", year);
        assertThat(ledger.balance(new AccountRef(book, "budget"))).isEqualTo(budgetBefore - 80_000L);
        assertThat(ledger.balance(new AccountRef(book, "paid"))).isEqualTo(80_000L);
        long[] totals = ledger.totals(book);
        assertThat(totals[0]).isEqualTo(totals[1]);
        assertThat(List.of(status(a), status(b), status(c))).containsExactly("PAID", "PAID", "APPROVED");

        HttpResponse<String> more = api("POST", "/api/v1/subsidies/batches", "gov",
                "{\"policy\": \"TEST-TINY-BUDGET\", \"year\": " + year + "}");
        assertThat(more.statusCode()).isEqualTo(409);
        assertThat(more.body()).contains("200.00").contains("400.00");
        HttpResponse<String> direct = api("POST", "/api/v1/subsidies/" + c + "/payment", "gov", null);
        assertThat(direct.statusCode()).as("nor paid one by one beyond the budget").isEqualTo(409);
        assertThat(status(c)).isEqualTo("APPROVED");

        WebClient web = new WebClient(port);
        web.login("gov", PW);
        HttpResponse<byte[]> xlsx = web.download("/subsidies/batches/" + batch.path("id").asText() + "/export.xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(new String(xlsx.body(), 0, 2)).as("an xlsx (zip) file").isEqualTo("PK");
        assertThat(api("GET", path, "enterprise", null).statusCode()).as("officials only").isEqualTo(403);
        assertThat(web.get("/subsidies/batches").body()).contains(batch.path("id").asText()).contains("800.00");
    }

    @Test
    void proRataAtTheCutOffSharesTheBudgetToTheFenAndNeedsAThirdOfficial() throws Exception {
        UUID vc = vc("按比例测试");
        int year = 2024;
        UUID a = approved("TEST-PRO-RATA", vc, 200_000_000L, LocalDate.of(year, 3, 1));
        approved("TEST-PRO-RATA", vc, 100_000_000L, LocalDate.of(year, 4, 1));
        approved("TEST-PRO-RATA", vc, 100_000_001L, LocalDate.of(year, 5, 1));
        assertThat(api("POST", "/api/v1/subsidies/" + a + "/payment", "gov", null).body())
                .as("pro rata is paid by batch only").contains("须生成批次");
        HttpResponse<String> prepared = api("POST", "/api/v1/subsidies/batches", "gov",
                "{\"policy\": \"TEST-PRO-RATA\", \"year\": " + year + "}");
        assertThat(prepared.statusCode()).as(prepared.body()).isEqualTo(201);
        JsonNode batch = json(prepared);
        // claimed 4,000,000.01 for 3,000,000.00: 2,000,000 → 1,499,999.99625 → 1,499,999.99;
        // 1,000,000 → 749,999.998… → 749,999.99; 1,000,000.01 → 750,000.0056… → 750,000.00 (rounded down)
        assertThat(batch.path("items").valueStream().map(n -> n.path("allocated").asText()).toList())
                .containsExactly("1499999.99", "749999.99", "750000.00");
        assertThat(batch.path("total").asText()).isEqualTo("2999999.98");
        String path = "/api/v1/subsidies/batches/" + batch.path("id").asText();
        assertThat(json(api("POST", path + "/check", "gov2", null)).path("status").asText())
                .as("above 1,000,000: a second approval").isEqualTo("CHECKED");
        assertThat(api("POST", path + "/approval", "gov2", null).statusCode()).as("not the checker").isEqualTo(409);
        assertThat(api("POST", path + "/approval", "gov", null).statusCode()).as("not the maker").isEqualTo(409);
        String third = TestData.username("g3");
        registry.establish(OrganisationKind.GOVERNMENT, "第三审批" + third + "局", null, third, "王处长", PW, "test");
        assertThat(json(api("POST", path + "/approval", third, null)).path("status").asText()).isEqualTo("APPROVED");
        assertThat(json(api("POST", path + "/payment", third, null)).path("status").asText()).isEqualTo("PAID");
        assertThat(jdbc.sql("SELECT paid_fen FROM subsidy.entitlement WHERE id = ?").param(a).query(Long.class)
                .single()).isEqualTo(149_999_999L);
        String book = Subsidies.book("TEST-PRO-RATA", year);
        assertThat(ledger.balance(new AccountRef(book, "budget"))).isEqualTo(2L);

        HttpResponse<String> early = api("POST", "/api/v1/subsidies/batches", "gov",
                "{\"policy\": \"TEST-PRO-RATA\", \"year\": 2099}");
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(early.body()).contains("截止日").contains("2100-01-31");
    }

    @Test
    void rankedSelectionPreparesTheListAndPaysOnlyWhatOfficialsChoose() throws Exception {
        UUID vc = vc("择优测试");
        int year = 2030;
        UUID small = approved("TEST-RANKED", vc, 30_000L, LocalDate.of(year, 1, 2));
        UUID mid = approved("TEST-RANKED", vc, 50_000L, LocalDate.of(year, 1, 3));
        UUID big = approved("TEST-RANKED", vc, 70_000L, LocalDate.of(year, 1, 4));
        JsonNode batch = json(api("POST", "/api/v1/subsidies/batches", "gov",
                "{\"policy\": \"TEST-RANKED\", \"year\": " + year + "}"));
        assertThat(batch.path("items").valueStream().map(n -> n.path("entitlement").asText()).toList())
                .as("ranked by amount").containsExactly(big.toString(), mid.toString(), small.toString());
        assertThat(batch.path("items").valueStream().noneMatch(n -> n.path("selected").asBoolean()))
                .as("nothing chosen automatically").isTrue();
        assertThat(batch.path("total").asText()).isEqualTo("0.00");
        String path = "/api/v1/subsidies/batches/" + batch.path("id").asText();
        assertThat(api("POST", path + "/check", "gov2", null).body()).contains("没有选定");
        HttpResponse<String> over = api("POST", path + "/selection", "gov",
                "{\"selected\": [\"" + big + "\", \"" + mid + "\"]}");
        assertThat(over.statusCode()).isEqualTo(409);
        assertThat(over.body()).contains("1200.00").contains("1000.00");
        assertThat(json(api("POST", path + "/selection", "gov", "{\"selected\": [\"" + big + "\", \"" + small + "\"]}"))
                .path("total").asText()).isEqualTo("1000.00");
        assertThat(json(api("POST", path + "/check", "gov2", null)).path("status").asText()).isEqualTo("APPROVED");
        assertThat(json(api("POST", path + "/payment", "gov", null)).path("status").asText()).isEqualTo("PAID");
        assertThat(List.of(status(big), status(mid), status(small))).containsExactly("PAID", "APPROVED", "PAID");
    }

    @Autowired
    SubsidyBatches batches;

    @Test
    void anInterruptedPaymentResumesWithoutPayingTwice() throws Exception {
        UUID vc = vc("预算测试");
        int year = 2033;
        UUID a = approved("TEST-TINY-BUDGET", vc, 10_000L, LocalDate.of(year, 1, 2));
        UUID b = approved("TEST-TINY-BUDGET", vc, 20_000L, LocalDate.of(year, 1, 3));
        String id = json(api("POST", "/api/v1/subsidies/batches", "gov",
                "{\"policy\": \"TEST-TINY-BUDGET\", \"year\": " + year + "}")).path("id").asText();
        assertThat(json(api("POST", "/api/v1/subsidies/batches/" + id + "/check", "gov2", null)).path("status")
                .asText()).isEqualTo("APPROVED");
        // the state a crash leaves: payment started (PAYING), the first item paid in its own transaction, not the second
        String book = Subsidies.book("TEST-TINY-BUDGET", year);
        long budget = subsidies.fundBudget("TEST-TINY-BUDGET", year);
        jdbc.sql("UPDATE subsidy.batch SET status = 'PAYING' WHERE id = ?").param(UUID.fromString(id)).update();
        ledger.post(new org.sanrong.ledger.JournalEntry("subsidy:pay:" + a, LocalDate.now(), "补贴拨付",
                List.of(org.sanrong.ledger.JournalEntry.Line.debit(new AccountRef(book, "paid"), 10_000L),
                        org.sanrong.ledger.JournalEntry.Line.credit(new AccountRef(book, "budget"), 10_000L))), "gov");
        jdbc.sql("UPDATE subsidy.entitlement SET status = 'PAID', paid_fen = 10000 WHERE id = ?").param(a).update();
        jdbc.sql("UPDATE subsidy.batch_item SET paid_at = now() WHERE entitlement_id = ?").param(a).update();
        assertThat(batches.unfinished()).contains(UUID.fromString(id));

        assertThat(batches.resume(UUID.fromString(id)).status()).isEqualTo(Batch.Status.PAID);
        assertThat(batches.resume(UUID.fromString(id)).status()).as("resumed again: nothing more").isEqualTo(
                Batch.Status.PAID);
        assertThat(batches.unfinished()).doesNotContain(UUID.fromString(id));
        assertThat(List.of(status(a), status(b))).containsExactly("PAID", "PAID");
        assertThat(ledger.balance(new AccountRef(book, "budget"))).as("300 paid once").isEqualTo(budget - 30_000L);
        assertThat(ledger.balance(new AccountRef(book, "paid"))).isEqualTo(30_000L);
    }
}
