package org.sanrong.portal.web;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.sanrong.audit.AuditQuery;
import org.sanrong.audit.AuditTrail;
import org.sanrong.enterprise.EnterpriseBook;
import org.sanrong.enterprise.RegistryCensus;
import org.sanrong.matching.EnterpriseEligibility;
import org.sanrong.platform.Charts;
import org.sanrong.identity.Membership;
import org.sanrong.identity.Organisation;
import org.sanrong.identity.OrganisationKind;
import org.sanrong.identity.OrganisationRegistry;
import org.sanrong.identity.Role;
import org.sanrong.identity.SignedInUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** "/" shows the public landing page, or the signed-in user's home for their role. Every figure is counted live. */
@Controller
class HomeController {

    private final OrganisationRegistry registry;
    private final Membership membership;
    private final AuditTrail audit;
    private final EnterpriseBook enterprises;
    private final Charts charts;
    private final EnterpriseEligibility eligibility;

    HomeController(OrganisationRegistry registry, Membership membership, AuditTrail audit,
            EnterpriseBook enterprises, Charts charts, EnterpriseEligibility eligibility) {
        this.charts = charts;
        this.eligibility = eligibility;
        this.enterprises = enterprises;
        this.registry = registry;
        this.membership = membership;
        this.audit = audit;
    }

    private void registry(Model model) {
        RegistryCensus census = enterprises.census();
        model.addAttribute("registry", census);
        model.addAttribute("charts", Map.of("towns", charts.bar(census.byTown()),
                "stages", charts.pie(census.byStage(), "stage."),
                "qualifications", charts.bar(census.byQualification())));
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal @Nullable SignedInUser user, Model model) {
        Map<OrganisationKind, Map<Organisation.Status, Long>> census = registry.census();
        model.addAttribute("activeEnterprises", census.get(OrganisationKind.ENTERPRISE).get(Organisation.Status.ACTIVE));
        model.addAttribute("activeInstitutions",
                census.get(OrganisationKind.INSTITUTION).get(Organisation.Status.ACTIVE));
        model.addAttribute("activeDepartments",
                census.get(OrganisationKind.GOVERNMENT).get(Organisation.Status.ACTIVE));
        if (user == null) {
            return "portal/landing";
        }
        model.addAttribute("me", user);
        if (user.hasRole(Role.ADMIN)) {
            model.addAttribute("census", census);
            model.addAttribute("statuses", Organisation.Status.values());
            model.addAttribute("pendingInstitutions",
                    census.get(OrganisationKind.INSTITUTION).get(Organisation.Status.PENDING));
            model.addAttribute("accounts", membership.countAccounts());
            model.addAttribute("auditToday", audit.countToday());
            model.addAttribute("index", eligibility.status());
            registry(model);
            return "portal/home-admin";
        }
        if (user.hasRole(Role.GOV)) {
            model.addAttribute("census", census);
            registry(model);
            model.addAttribute("institutionsByType", registry.activeInstitutionsByType());
            return "portal/home-gov";
        }
        model.addAttribute("members", membership.membersOf(user.organisationId()));
        model.addAttribute("recentActivity", audit.search(new AuditQuery(null, null, null, user.organisationId(),
                null, null), 0, 8).items());
        if (user.hasRole(Role.INSTITUTION)) {
            return "portal/home-institution";
        }
        model.addAttribute("institutionsByType", registry.activeInstitutionsByType());
        enterprises.ownCreditCode(user).flatMap(enterprises::card).ifPresent(card -> model.addAttribute("card", card));
        return "portal/home-enterprise";
    }
}
