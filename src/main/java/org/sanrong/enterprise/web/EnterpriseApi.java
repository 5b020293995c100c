package org.sanrong.enterprise.web;

import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.sanrong.enterprise.ContactPerson;
import org.sanrong.enterprise.DirectoryQuery;
import org.sanrong.enterprise.DirectoryRow;
import org.sanrong.enterprise.EnterpriseBook;
import org.sanrong.enterprise.EnterpriseCard;
import org.sanrong.enterprise.EnterpriseDossier;
import org.sanrong.enterprise.LifecycleStage;
import org.sanrong.enterprise.Profile;
import org.sanrong.enterprise.YearlyFigures;
import org.sanrong.identity.SignedInUser;
import org.sanrong.platform.NotFoundException;
import org.sanrong.platform.ResultPage;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of the 企业库. Money in fen; access rules as on the pages (they live in the service). */
@RestController
@RequestMapping("/api/v1/enterprises")
class EnterpriseApi {

    private final EnterpriseBook book;

    EnterpriseApi(EnterpriseBook book) {
        this.book = book;
    }

    /** The public card always; the private profile only when the caller may see it (then the read is audited). */
    record EnterpriseView(EnterpriseCard card, @Nullable EnterpriseDossier dossier) {
    }

    /** A profile to save, with any number of years' figures. */
    record EnterpriseWrite(@Nullable String creditCode, @Nullable String creditCodeExceptionReason, Profile profile,
            @Nullable List<YearlyFigures> figures) {
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('GOV', 'ADMIN', 'INSTITUTION')")
    ResultPage<DirectoryRow> directory(@RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String town,
            @RequestParam(required = false) @Nullable String industry,
            @RequestParam(required = false) @Nullable LifecycleStage stage,
            @RequestParam(required = false) @Nullable String qualification,
            @RequestParam(required = false) DirectoryQuery.@Nullable SizeClass size,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int pageSize) {
        return book.search(new DirectoryQuery(q, town, industry, stage, qualification, size), Math.max(0, page),
                ResultPage.sizeOf(pageSize));
    }

    @GetMapping("/{creditCode}")
    EnterpriseView one(@PathVariable String creditCode, @AuthenticationPrincipal SignedInUser user) {
        EnterpriseCard card = book.card(creditCode).orElseThrow(() -> new NotFoundException("企业不存在"));
        EnterpriseDossier dossier;
        try {
            dossier = book.dossier(creditCode, user);
        } catch (AccessDeniedException e) {
            dossier = null;
        }
        return new EnterpriseView(card, dossier);
    }

    /**
     * The contact person in full (the dossier shows it masked to anyone but the enterprise): an audited unmasking,
     * UNMASK_CONTACT, for government, operator and consented institutions; 403 and audited DENIED for others.
     */
    @PostMapping("/{creditCode}/contact")
    ContactPerson contact(@PathVariable String creditCode, @AuthenticationPrincipal SignedInUser user) {
        return book.contact(creditCode, user);
    }

    @PostMapping
    ResponseEntity<EnterpriseCard> create(@RequestBody EnterpriseWrite body, @AuthenticationPrincipal SignedInUser user) {
        requireProfile(body);
        book.create(body.creditCode() == null ? "" : body.creditCode(), body.creditCodeExceptionReason(),
                body.profile(), body.figures() == null ? List.of() : body.figures(), user);
        String code = org.sanrong.reference.UnifiedSocialCreditCode.normalise(body.creditCode());
        return ResponseEntity.created(URI.create("/api/v1/enterprises/" + code)).body(book.card(code).orElseThrow());
    }

    @PutMapping("/{creditCode}")
    EnterpriseView update(@PathVariable String creditCode, @RequestBody EnterpriseWrite body,
            @AuthenticationPrincipal SignedInUser user) {
        requireProfile(body);
        book.update(creditCode, body.profile(), body.figures() == null ? List.of() : body.figures(), user);
        return one(creditCode, user);
    }

    /** JSON may leave the profile out; the rules below need one. */
    private static void requireProfile(EnterpriseWrite body) {
        if (body.profile() == null) {
            throw new org.sanrong.platform.InvalidRequestException("profile", "请填写企业概况（profile）");
        }
    }
}
