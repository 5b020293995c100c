package org.sanrong.deal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.sanrong.identity.OrganisationRegistry;
import org.sanrong.identity.SignedInUser;
import org.sanrong.listing.ListingFixtures;
import org.sanrong.platform.InvalidRequestException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

/**
 * The deal module's side of roadshows: {@link DealFlow#openFromRoadshow} takes the investor's best eligible equity
 * product without an open deal with the enterprise, refuses plainly when there is none (or no account), opens under
 * review with no deadline and its source; {@link DealFlow#bySource} shows each reader the deals it may see.
 */
@SanrongTest
class DealRoadshowTest {

    @LocalServerPort
    int port;

    @Autowired
    OrganisationRegistry registry;

    @Autowired
    DealFlow flow;

    @Autowired
    AuthenticationProvider authentication;

    ListingFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = new ListingFixtures(port, registry);
    }

    SignedInUser signIn(String username) {
        return (SignedInUser) authentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username,
                ListingFixtures.PW)).getPrincipal();
    }

    /** A second equity product of the fund only for enterprises in 滨海湾新区 (which the fixtures' are not). */
    UUID elsewhereProduct(ListingFixtures.Fund fund) {
        HttpResponse<String> created = fx.api("POST", "/api/v1/products", fund.username(), """
                {"type": "EQUITY_INVESTMENT", "name": "滨海湾专项基金", "description": "只投滨海湾",
                 "terms": {"minAmountFen": 100000000, "maxAmountFen": 500000000, "minStake": 1, "maxStake": 10},
                 "criteria": {"towns": ["441900404"]}, "materials": "商业计划书",
                 "validFrom": "2025-01-01", "validUntil": "2099-12-31", "contactName": "吴总",
                 "contactPhone": "0769-22000009"}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = ListingFixtures.json(created).path("id").asText();
        fx.api("POST", "/api/v1/products/" + id + "/submission", fund.username(), null);
        assertThat(fx.api("POST", "/api/v1/products/" + id + "/approval", "gov", null).statusCode()).isEqualTo(200);
        return UUID.fromString(id);
    }

    @Test
    void opensUnderReviewWithTheBestEligibleEquityProductAndNoDeadline() {
        var ent = fx.enterprise(8_000, 9_000);
        var fund = fx.fund();
        elsewhereProduct(fund);
        UUID event = UUID.randomUUID();
        SignedInUser investor = signIn(fund.username());

        Deal.Id id = flow.openFromRoadshow(event, ent.creditCode(), 20_000_000_000L, investor);
        DealView deal = flow.view(id, investor);
        assertThat(deal.origin()).isEqualTo(DealOrigin.ROADSHOW);
        assertThat(deal.status()).isEqualTo(DealStatus.UNDER_REVIEW);
        assertThat(deal.productId()).as("the ineligible product is passed over").isEqualTo(fund.productId());
        assertThat(deal.deadline()).isNull();
        assertThat(deal.pickedUpAt()).isNotNull();
        assertThat(deal.amountFen()).as("brought within the product's 1亿元 maximum").isEqualTo(10_000_000_000L);
        assertThat(deal.sourceRef()).isEqualTo("roadshow:" + event);
        assertThat(deal.roadshowId()).isEqualTo(event);
        assertThat(deal.actions()).contains(DealView.Action.DECIDE);

        assertThatThrownBy(() -> flow.openFromRoadshow(UUID.randomUUID(), ent.creditCode(), null, investor))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("已有进行中的股权投资对接");

        assertThat(flow.bySource("roadshow:" + event, investor)).extracting(DealView::id).containsExactly(id.value());
        assertThat(flow.bySource("roadshow:" + event, signIn("gov"))).hasSize(1);
        assertThat(flow.bySource("roadshow:" + event, signIn(ent.username()))).hasSize(1);
        assertThat(flow.bySource("roadshow:" + event, signIn(fx.fund().username()))).as("not a party").isEmpty();
    }

    @Test
    void refusesPlainlyWithoutAFittingProductAnAccountOrTheRole() {
        var ent = fx.enterprise(8_000, 9_000);
        var onlyElsewhere = fx.fundWithoutProduct();
        elsewhereProduct(onlyElsewhere);
        assertThatThrownBy(() -> flow.openFromRoadshow(UUID.randomUUID(), ent.creditCode(), null,
                signIn(onlyElsewhere.username()))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("都不适合该企业").hasMessageContaining("滨海湾专项基金");
        assertThatThrownBy(() -> flow.openFromRoadshow(UUID.randomUUID(), ent.creditCode(), null,
                signIn(fx.fundWithoutProduct().username()))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("没有上架的股权投资产品");
        String noAccount = fx.offPlatform("C3911", 10_000);
        assertThatThrownBy(() -> flow.openFromRoadshow(UUID.randomUUID(), noAccount, null, signIn(fx.fund()
                .username()))).isInstanceOf(InvalidRequestException.class).hasMessageContaining("尚未在平台注册");
        assertThatThrownBy(() -> flow.openFromRoadshow(UUID.randomUUID(), ent.creditCode(), null, signIn("gov")))
                .isInstanceOf(AccessDeniedException.class);
    }
}
