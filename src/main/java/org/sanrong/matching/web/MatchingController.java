package org.sanrong.matching.web;

import java.util.UUID;
import org.sanrong.enterprise.EnterpriseBook;
import org.sanrong.identity.SignedInUser;
import org.sanrong.matching.Matchmaking;
import org.sanrong.platform.NotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Pages: a demand's matched products, the enterprise's eligible products, a product's reach. */
@Controller
class MatchingController {

    private final Matchmaking matchmaking;
    private final EnterpriseBook enterprises;

    MatchingController(Matchmaking matchmaking, EnterpriseBook enterprises) {
        this.matchmaking = matchmaking;
        this.enterprises = enterprises;
    }

    @GetMapping("/demands/{id}/matches")
    String demand(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, Model model) {
        Matchmaking.DemandMatches found = matchmaking.demandMatches(id, user);
        model.addAttribute("matches", found.matches());
        model.addAttribute("packages", found.packages());
        model.addAttribute("demandId", id);
        return "matching/demand-matches";
    }

    @GetMapping("/institution/matched-demands")
    String inbox(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("inbox", matchmaking.inbox(user));
        return "matching/inbox";
    }

    @GetMapping("/enterprise/eligible-products")
    String enterprise(@AuthenticationPrincipal SignedInUser user, Model model) {
        String code = enterprises.ownCreditCode(user).orElseThrow(() -> new NotFoundException("当前账号不属于企业"));
        model.addAttribute("matches", matchmaking.forEnterprise(code, user));
        return "matching/eligible-products";
    }

    @GetMapping("/products/{id}/reach")
    String reach(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("reach", matchmaking.reach(id, user));
        model.addAttribute("productId", id);
        return "matching/reach";
    }
}
