package org.sanrong.portal.web;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.sanrong.audit.AuditQuery;
import org.sanrong.audit.AuditTrail;
import org.sanrong.enterprise.EnterpriseBook;
import org.sanrong.enterprise.RegistryCensus;
import org.sanrong.catalog.CatalogCounts;
import org.sanrong.catalog.ProductCatalog;
import org.sanrong.demand.DemandStatus;
import org.sanrong.demand.Demands;
import org.sanrong.demand.OpenDemandQuery;
import org.sanrong.matching.EnterpriseEligibility;
import org.sanrong.matching.Matchmaking;
import org.sanrong.matching.ProductMatch;
import org.springframework.context.MessageSource;
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
    private final ProductCatalog catalog;
    private final Demands demands;
    private final MessageSource messages;
    private final Matchmaking matchmaking;
    private final org.sanrong.deal.DealFlow deals;

    HomeController(OrganisationRegistry registry, Membership membership, AuditTrail audit,
            EnterpriseBook enterprises, Charts charts, EnterpriseEligibility eligibility, ProductCatalog catalog,
            Demands demands, MessageSource messages, Matchmaking matchmaking, org.sanrong.deal.DealFlow deals) {
        this.deals = deals;
        this.matchmaking = matchmaking;
        this.messages = messages;
        this.catalog = catalog;
        this.demands = demands;
        this.charts = charts;
        this.eligibility = eligibility;
        this.enterprises = enterprises;
        this.registry = registry;
        this.membership = membership;
        this.audit = audit;
    }

    /** Counts by status name, for templates (which may not name enum classes). */
    private static Map<String, Long> byName(Map<? extends Enum<?>, Long> counts) {
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        counts.forEach((k, v) -> out.put(k.name(), v));
        return out;
    }

    private Map<String, Long> labelled(Map<DemandStatus, Long> byStatus) {
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        byStatus.forEach((status, n) -> {
            if (status != DemandStatus.DRAFT) {
                out.put(messages.getMessage("demand.status." + status, null, status.name(),
                        org.springframework.context.i18n.LocaleContextHolder.getLocale()), n);
            }
        });
        return out;
    }

    /**
     * What government and the operator see first: the registry by town, stage and qualification, and the market —
     * products on the shelf by kind, demands by status — as figures and chart data.
     */
    private void overview(Model model, CatalogCounts products) {
        RegistryCensus census = enterprises.census();
        Map<DemandStatus, Long> byStatus = demands.counts();
        model.addAttribute("registry", census);
        model.addAttribute("demandsByStatus", byStatus);
        model.addAttribute("openDemandAmount", demands.openAmountFen());
        model.addAttribute("charts", Map.of(
                "towns", charts.bar(census.byTown()),
                "stages", charts.pie(census.byStage(), "stage."),
                "qualifications", charts.bar(census.byQualification()),
                "productsByKind", charts.pie(products.publishedByKind(), "financingKind."),
                "demandsByStatus", charts.bar(labelled(byStatus))));
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal @Nullable SignedInUser user, Model model) {
        Map<OrganisationKind, Map<Organisation.Status, Long>> census = registry.census();
        model.addAttribute("activeEnterprises", census.get(OrganisationKind.ENTERPRISE).get(Organisation.Status.ACTIVE));
        model.addAttribute("activeInstitutions",
                census.get(OrganisationKind.INSTITUTION).get(Organisation.Status.ACTIVE));
        model.addAttribute("activeDepartments",
                census.get(OrganisationKind.GOVERNMENT).get(Organisation.Status.ACTIVE));
        CatalogCounts products = catalog.counts();
        model.addAttribute("products", products);
        if (user == null) {
            return "portal/landing";
        }
        // the operator's separated duties (三权分立) have no dashboard: each starts on its one page
        if (user.hasRole(Role.SYSTEM_ADMIN)) {
            return "redirect:/admin/organisations";
        }
        if (user.hasRole(Role.SECURITY_ADMIN)) {
            return "redirect:/admin/security";
        }
        if (user.hasRole(Role.AUDITOR)) {
            return "redirect:/admin/audit";
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
            overview(model, products);
            return "portal/home-admin";
        }
        if (user.hasRole(Role.GOV)) {
            model.addAttribute("census", census);
            overview(model, products);
            model.addAttribute("matchStatistics", matchmaking.statistics(user));
            model.addAttribute("institutionsByType", registry.activeInstitutionsByType());
            return "portal/home-gov";
        }
        model.addAttribute("members", membership.membersOf(user.organisationId()));
        model.addAttribute("recentActivity", audit.search(new AuditQuery(null, null, null, user.organisationId(),
                null, null), 0, 8).items());
        if (user.hasRole(Role.INSTITUTION)) {
            model.addAttribute("myProducts", catalog.ofInstitution(user).size());
            model.addAttribute("openDemands", demands.open(OpenDemandQuery.none(), user, 0, 1).total());
            model.addAttribute("deals", byName(deals.counts(user)));
            return "portal/home-institution";
        }
        model.addAttribute("myDemands", demands.mine(user));
        model.addAttribute("deals", byName(deals.counts(user)));
        model.addAttribute("institutionsByType", registry.activeInstitutionsByType());
        enterprises.ownCreditCode(user).ifPresent(code -> {
            enterprises.card(code).ifPresent(card -> model.addAttribute("card", card));
            model.addAttribute("eligibleProducts", matchmaking.forEnterprise(code, user).stream()
                    .filter(ProductMatch::eligible).limit(5).toList());
        });
        return "portal/home-enterprise";
    }
}
