package org.sanrong.roadshow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanrong.listing.ListingFixtures.json;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.sanrong.identity.InstitutionType;
import org.sanrong.identity.OrganisationRegistry;
import org.sanrong.listing.ListingFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue 13's roadshow over real HTTP: announced, filled (a deck that is no PDF or too large refused), a presenter
 * selected, investors registered, held with attendance; an investor that did not register or attend is refused
 * plainly with nothing saved; the one that attended opens an equity deal (origin ROADSHOW, no clock), which goes on to
 * an investment the event's outcome shows; an investor with no equity product is told so.
 */
@SanrongTest
class RoadshowApiTest {

    @LocalServerPort
    int port;

    @Autowired
    OrganisationRegistry registry;

    @Autowired
    JdbcClient jdbc;

    ListingFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = new ListingFixtures(port, registry);
    }

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    UUID announce(String startsAt) {
        HttpResponse<String> r = fx.api("POST", "/api/v1/roadshows", "gov", """
                {"title": "测试路演 %s", "theme": "智能制造 Pre-IPO 路演", "format": "OFFLINE", "venue": "松山湖路演厅",
                 "startsAt": "%s", "industries": ["C39", "C35"], "capacity": 3, "presenterSlots": 2}"""
                .formatted(UUID.randomUUID().toString().substring(0, 8), startsAt));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return UUID.fromString(json(r).path("id").asText());
    }

    HttpResponse<String> apply(UUID event, String user, String file, byte[] deck) {
        return fx.multipart("/api/v1/roadshows/" + event + "/presenters", user,
                Map.of("pitch", "工业视觉终端，拟融资扩产", "amountSoughtFen", "3000000000"), "deck", file, deck);
    }

    HttpResponse<String> interest(UUID event, String user, String code) {
        return fx.api("POST", "/api/v1/roadshows/" + event + "/interests", user,
                "{\"creditCode\": \"" + code + "\"}");
    }

    JsonNode event(UUID id, String user) {
        HttpResponse<String> r = fx.api("GET", "/api/v1/roadshows/" + id, user, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r);
    }

    long interests(UUID event) {
        return jdbc.sql("SELECT count(*) FROM roadshow.interest WHERE event_id = ?").param(event).query(Long.class)
                .single();
    }

    long deals(UUID event) {
        return jdbc.sql("SELECT count(*) FROM deal.deal WHERE source_ref = ?").param("roadshow:" + event)
                .query(Long.class).single();
    }

    @Test
    void aRoadshowIsFilledHeldAndAnInterestBecomesADealTheEventShows() {
        var ent = fx.enterprise(26_500, 31_800);
        var fund = fx.fund();
        var absentee = fx.fund();
        var outsider = fx.fund();
        UUID id = announce(today().minusDays(1) + "T14:30");
        assertThat(event(id, "gov").path("status").asText()).isEqualTo("OPEN");

        HttpResponse<String> png = apply(id, ent.username(), "deck.png", ListingFixtures.PNG);
        assertThat(png.statusCode()).isEqualTo(400);
        assertThat(json(png).path("errors").path("deck").asText()).contains("PDF");
        byte[] big = new byte[20 * 1024 * 1024 + 1];
        System.arraycopy(ListingFixtures.PDF, 0, big, 0, ListingFixtures.PDF.length);
        HttpResponse<String> tooBig = apply(id, ent.username(), "deck.pdf", big);
        assertThat(tooBig.statusCode()).isEqualTo(400);
        assertThat(tooBig.body()).contains("不能超过 20MB");
        assertThat(event(id, "gov").path("presenters")).as("nothing saved").isEmpty();
        HttpResponse<String> applied = apply(id, ent.username(), "星河路演.pdf", ListingFixtures.PDF);
        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(201);
        assertThat(json(applied).path("ownApplication").asText()).isEqualTo("APPLIED");
        assertThat(apply(id, ent.username(), "again.pdf", ListingFixtures.PDF).statusCode()).isEqualTo(409);

        var bank = fx.institution(InstitutionType.BANK);
        assertThat(fx.api("POST", "/api/v1/roadshows/" + id + "/registrations", bank.username(), null).statusCode())
                .as("banks do not register for a VC roadshow").isEqualTo(403);
        assertThat(fx.api("POST", "/api/v1/roadshows/" + id + "/registrations", fund.username(), null).statusCode())
                .isEqualTo(201);
        assertThat(fx.api("POST", "/api/v1/roadshows/" + id + "/registrations", absentee.username(), null)
                .statusCode()).isEqualTo(201);

        HttpResponse<String> proposals = fx.api("GET", "/api/v1/roadshows/" + id + "/proposals", "gov", null);
        assertThat(proposals.statusCode()).as(proposals.body()).isEqualTo(200);
        JsonNode proposed = null;
        for (JsonNode p : json(proposals)) {
            if (p.path("organisationId").asText().equals(outsider.organisationId().toString())) {
                proposed = p;
            }
        }
        assertThat(proposed).as("a fund whose equity product fits the presenter is proposed").isNotNull();
        assertThat(proposed.path("kind").asText()).isEqualTo("INVESTOR");
        assertThat(proposed.path("alreadyIn").asBoolean()).isFalse();
        assertThat(proposed.path("reasons").get(0).asText()).contains(ent.name()).contains("匹配度");
        assertThat(fx.api("GET", "/api/v1/roadshows/" + id + "/proposals", fund.username(), null).statusCode())
                .as("proposals are the organiser's").isEqualTo(403);

        assertThat(interest(id, fund.username(), ent.creditCode()).statusCode()).as("not held yet").isEqualTo(409);
        HttpResponse<String> selected = fx.api("POST", "/api/v1/roadshows/" + id + "/presenters/" + ent.creditCode()
                + "/selection", "gov", "{\"select\": true}");
        assertThat(selected.statusCode()).as(selected.body()).isEqualTo(200);
        assertThat(fx.api("POST", "/api/v1/roadshows/" + id + "/held", fund.username(),
                "{\"attended\": []}").statusCode()).as("only the organiser").isEqualTo(403);
        HttpResponse<String> held = fx.api("POST", "/api/v1/roadshows/" + id + "/held", "gov",
                "{\"attended\": [\"" + fund.organisationId() + "\"]}");
        assertThat(held.statusCode()).as(held.body()).isEqualTo(200);
        assertThat(json(held).path("status").asText()).isEqualTo("HELD");
        assertThat(json(held).path("attended").asInt()).isEqualTo(1);

        HttpResponse<String> absent = interest(id, absentee.username(), ent.creditCode());
        assertThat(absent.statusCode()).isEqualTo(409);
        assertThat(absent.body()).contains("没有出席本场路演");
        HttpResponse<String> unregistered = interest(id, outsider.username(), ent.creditCode());
        assertThat(unregistered.statusCode()).isEqualTo(409);
        assertThat(unregistered.body()).contains("没有报名本场路演");
        assertThat(interests(id)).isZero();
        assertThat(deals(id)).as("nothing half-saved").isZero();

        HttpResponse<String> marked = interest(id, fund.username(), ent.creditCode());
        assertThat(marked.statusCode()).as(marked.body()).isEqualTo(201);
        UUID deal = UUID.fromString(json(marked).path("dealId").asText());
        assertThat(interest(id, fund.username(), ent.creditCode()).statusCode()).as("once").isEqualTo(409);
        JsonNode opened = json(fx.api("GET", "/api/v1/deals/" + deal, fund.username(), null)).path("deal");
        assertThat(opened.path("origin").asText()).isEqualTo("ROADSHOW");
        assertThat(opened.path("status").asText()).isEqualTo("UNDER_REVIEW");
        assertThat(opened.path("kind").asText()).isEqualTo("EQUITY");
        assertThat(opened.path("productId").asText()).isEqualTo(fund.productId().toString());
        assertThat(opened.path("sourceRef").asText()).isEqualTo("roadshow:" + id);
        assertThat(opened.path("deadline").isNull()).as("no clock on due diligence").isTrue();
        assertThat(opened.path("amountFen").asLong()).as("what the enterprise asked for").isEqualTo(3_000_000_000L);
        assertThat(fx.api("GET", "/api/v1/deals/" + deal, ent.username(), null).statusCode()).isEqualTo(200);

        assertThat(fx.api("POST", "/api/v1/deals/" + deal + "/decision", fund.username(), """
                {"decision": "APPROVE", "offer": {"amountFen": 2500000000, "stakePercent": 4.5}}""").statusCode())
                .isEqualTo(200);
        assertThat(fx.api("POST", "/api/v1/deals/" + deal + "/offer/acceptance", ent.username(), null).statusCode())
                .isEqualTo(200);
        HttpResponse<String> invested = fx.api("POST", "/api/v1/deals/" + deal + "/investment", fund.username(),
                "{\"amountFen\": 2500000000, \"stakePercent\": 4.5, \"investedOn\": \"" + today() + "\"}");
        assertThat(invested.statusCode()).as(invested.body()).isEqualTo(201);

        JsonNode listed = null;
        for (JsonNode r : json(fx.api("GET", "/api/v1/roadshows", "gov", null))) {
            if (r.path("id").asText().equals(id.toString())) {
                listed = r;
            }
        }
        assertThat(listed).isNotNull();
        JsonNode outcome = listed.path("outcome");
        assertThat(outcome.path("interests").asInt()).isEqualTo(1);
        assertThat(outcome.path("funded").asInt()).isEqualTo(1);
        assertThat(outcome.path("investedFen").asLong()).isEqualTo(2_500_000_000L);
        JsonNode line = outcome.path("lines").get(0);
        assertThat(line.path("investorName").asText()).isEqualTo(fund.name());
        assertThat(line.path("status").asText()).isEqualTo("FUNDED");
        assertThat(line.path("offerStakePercent").decimalValue()).isEqualByComparingTo("4.5");
        assertThat(line.path("investedOn").asText()).isEqualTo(today().toString());

        JsonNode seenByAbsentee = event(id, absentee.username()).path("outcome");
        assertThat(seenByAbsentee.path("interests").asInt()).isEqualTo(1);
        assertThat(seenByAbsentee.path("lines").get(0).path("dealId").isNull())
                .as("another investor's deal stays private").isTrue();
        assertThat(seenByAbsentee.path("investedFen").asLong()).isZero();
    }

    @Test
    void anInvestorWithoutAnEquityProductIsToldSoAndNothingIsSaved() {
        var ent = fx.enterprise(5_000, 6_000);
        var fund = fx.fundWithoutProduct();
        UUID id = announce(today().minusDays(2) + "T09:00");
        assertThat(apply(id, ent.username(), "deck.pdf", ListingFixtures.PDF).statusCode()).isEqualTo(201);
        fx.api("POST", "/api/v1/roadshows/" + id + "/presenters/" + ent.creditCode() + "/selection", "gov",
                "{\"select\": true}");
        assertThat(fx.api("POST", "/api/v1/roadshows/" + id + "/registrations", fund.username(), null).statusCode())
                .isEqualTo(201);
        assertThat(fx.api("POST", "/api/v1/roadshows/" + id + "/held", "gov",
                "{\"attended\": [\"" + fund.organisationId() + "\"]}").statusCode()).isEqualTo(200);
        HttpResponse<String> r = interest(id, fund.username(), ent.creditCode());
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(r.body()).contains("没有上架的股权投资产品");
        assertThat(interests(id)).isZero();
        assertThat(deals(id)).isZero();
    }

    @Test
    void aFutureRoadshowCannotBeHeldAndBadAnnouncementsAreRefusedByField() {
        UUID id = announce(today().plusDays(20) + "T10:00");
        HttpResponse<String> early = fx.api("POST", "/api/v1/roadshows/" + id + "/held", "gov", "{\"attended\": []}");
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(early.body()).contains("尚未开始");
        HttpResponse<String> bad = fx.api("POST", "/api/v1/roadshows", "gov", """
                {"title": "", "theme": "x", "format": "OFFLINE", "venue": "v", "startsAt": "%sT10:00",
                 "industries": ["Q99"], "capacity": 0, "presenterSlots": 2}""".formatted(today().plusDays(3)));
        assertThat(bad.statusCode()).isEqualTo(400);
        JsonNode errors = json(bad).path("errors");
        assertThat(errors.has("title")).isTrue();
        assertThat(errors.has("industries")).isTrue();
        assertThat(errors.has("capacity")).isTrue();
        var ent = fx.enterprise(100, 200);
        assertThat(fx.api("POST", "/api/v1/roadshows", ent.username(), """
                {"title": "t", "theme": "x", "format": "OFFLINE", "venue": "v", "startsAt": "%sT10:00",
                 "capacity": 5, "presenterSlots": 2}""".formatted(today().plusDays(3))).statusCode())
                .as("enterprises do not organise").isEqualTo(403);
    }
}
