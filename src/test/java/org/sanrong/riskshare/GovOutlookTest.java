package org.sanrong.riskshare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanrong.deal.DealFixtures.json;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.sanrong.WebClient;
import org.sanrong.deal.DealFixtures;
import org.sanrong.identity.OrganisationRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Government's outlook: PD read off the scorecard's scale at the grade cut-offs by hand, and the outlook over HTTP
 * (twelve months of payouts, burn, forecast, by bank and by town) and on the pools page with its charts.
 */
@SanrongTest
class GovOutlookTest {

    @LocalServerPort
    int port;

    @Autowired
    OrganisationRegistry registry;

    @Test
    void pdAtTheGradeCutOffsIsTheScorecardsPBad() {
        // 600 points: odds 50:1 → 1/51; 700 (AAA): 1600:1 → 1/1601; 500 (CC floor): 1.5625:1 → 1/2.5625
        assertThat(GovOutlook.pd(600)).isEqualByComparingTo("0.0196078");
        assertThat(GovOutlook.pd(700)).isEqualByComparingTo("0.000624610");
        assertThat(GovOutlook.pd(500)).isEqualByComparingTo("0.390244");
        assertThat(GovOutlook.pd(620)).as("20 points double the odds").isEqualByComparingTo("0.00990099");
    }

    @Test
    void governmentSeesBurnForecastAndPayoutsByBankAndTown() {
        DealFixtures fx = new DealFixtures(port, registry);
        HttpResponse<String> r = fx.api("GET", "/api/v1/riskshare/outlook", "gov", null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode o = json(r);
        assertThat(o.path("months")).hasSize(12);
        assertThat(o.path("paidFen")).hasSize(12);
        assertThat(o.path("expectedFen").asLong()).isLessThanOrEqualTo(o.path("exposureFen").asLong());
        assertThat(o.path("scored").asInt()).isLessThanOrEqualTo(o.path("loans").asInt());
        assertThat(fx.api("GET", "/api/v1/riskshare/outlook", "bank", null).statusCode()).isEqualTo(403);
        WebClient web = new WebClient(port);
        web.login("gov", DealFixtures.PW);
        String page = web.get("/riskshare/pools").body();
        assertThat(page).contains("id=\"chart-burn\"").contains("id=\"forecast\"").contains("id=\"burn-rate\"");
    }
}
