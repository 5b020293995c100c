package org.sanrong.matching.web;

import java.util.List;
import java.util.UUID;
import org.sanrong.identity.SignedInUser;
import org.sanrong.matching.FinancingPackage;
import org.sanrong.matching.MatchStatistics;
import org.sanrong.matching.MatchedDemand;
import org.sanrong.matching.Matchmaking;
import org.sanrong.matching.ProductMatch;
import org.sanrong.matching.ProductReach;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Matches as JSON: for a demand, for an enterprise, and a product's reach. Access as on the pages. */
@RestController
class MatchingApi {

    private final Matchmaking matchmaking;

    MatchingApi(Matchmaking matchmaking) {
        this.matchmaking = matchmaking;
    }

    @GetMapping("/api/v1/demands/{id}/matches")
    List<ProductMatch> forDemand(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        return matchmaking.forDemand(id, user);
    }

    @GetMapping("/api/v1/demands/{id}/packages")
    List<FinancingPackage> packages(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        return matchmaking.packagesFor(id, user);
    }

    @GetMapping("/api/v1/institution/matched-demands")
    List<MatchedDemand> inbox(@AuthenticationPrincipal SignedInUser user) {
        return matchmaking.inbox(user);
    }

    @GetMapping("/api/v1/matching/statistics")
    MatchStatistics statistics(@AuthenticationPrincipal SignedInUser user) {
        return matchmaking.statistics(user);
    }

    @GetMapping("/api/v1/enterprises/{creditCode}/eligible-products")
    List<ProductMatch> forEnterprise(@PathVariable String creditCode, @AuthenticationPrincipal SignedInUser user) {
        return matchmaking.forEnterprise(creditCode, user).stream().filter(ProductMatch::eligible).toList();
    }

    @GetMapping("/api/v1/products/{id}/reach")
    ProductReach reach(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        return matchmaking.reach(id, user);
    }
}
