package org.sanrong.identity.web;

import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.identity.Organisation;
import org.sanrong.identity.OrganisationKind;
import org.sanrong.identity.OrganisationRegistry;
import org.sanrong.identity.OrganisationView;
import org.sanrong.identity.Registration;
import org.sanrong.identity.SignedInUser;
import org.sanrong.platform.NotFoundException;
import org.sanrong.platform.ResultPage;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** JSON API for identity: who am I, self-registration, and the operator's organisation administration. */
@RestController
@RequestMapping("/api/v1")
class IdentityApi {

    private final OrganisationRegistry registry;

    IdentityApi(OrganisationRegistry registry) {
        this.registry = registry;
    }

    record Me(String username, String displayName, UUID organisationId, String organisationName,
            OrganisationKind organisationKind, Object roles, boolean organisationAdmin) {
    }

    @GetMapping("/me")
    Me me(@AuthenticationPrincipal SignedInUser user) {
        return new Me(user.username(), user.displayName(), user.organisationId(), user.organisationName(),
                user.organisationKind(), user.roles(), user.organisationAdmin());
    }

    /** Self-registration; an institution's answer says it is pending approval. */
    @PostMapping("/registrations")
    ResponseEntity<OrganisationView> register(@RequestBody Registration registration) {
        UUID id = registry.register(registration);
        OrganisationView view = registry.find(id).orElseThrow();
        return ResponseEntity.created(URI.create("/api/v1/admin/organisations/" + id)).body(view);
    }

    @GetMapping("/admin/organisations")
    ResultPage<OrganisationView> organisations(@RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable OrganisationKind kind,
            @RequestParam(required = false) Organisation.@Nullable Status status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return registry.search(q, kind, status, Math.max(0, page), ResultPage.sizeOf(size));
    }

    @GetMapping("/admin/organisations/{id}")
    OrganisationView organisation(@PathVariable UUID id) {
        return registry.find(id).orElseThrow(() -> new NotFoundException("组织不存在"));
    }

    @PostMapping("/admin/organisations/{id}/approval")
    OrganisationView approve(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        registry.approve(id, user.username());
        return registry.find(id).orElseThrow();
    }

    @PostMapping("/admin/organisations/{id}/disabling")
    Map<String, String> disable(@PathVariable UUID id) {
        registry.disable(id);
        return Map.of("status", "DISABLED");
    }
}
