package org.sanrong.enterprise.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.enterprise.ConsentGrants;
import org.sanrong.enterprise.EnterpriseBook;
import org.sanrong.enterprise.EnterpriseDossier;
import org.sanrong.enterprise.EnterpriseRules;
import org.sanrong.enterprise.LifecycleStage;
import org.sanrong.enterprise.Qualifications;
import org.sanrong.identity.InstitutionType;
import org.sanrong.identity.Organisation;
import org.sanrong.identity.OrganisationKind;
import org.sanrong.identity.OrganisationRegistry;
import org.sanrong.identity.SignedInUser;
import org.sanrong.platform.FormErrors;
import org.sanrong.platform.InvalidRequestException;
import org.sanrong.platform.NotFoundException;
import org.sanrong.reference.ReferenceData;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An enterprise's page: the public card for everyone, the private profile for those allowed, and its forms. */
@Controller
class EnterpriseController {

    private final EnterpriseBook book;
    private final Qualifications qualifications;
    private final ConsentGrants consents;
    private final ReferenceData reference;
    private final OrganisationRegistry registry;
    private final EnterpriseRules rules;
    private final Clock clock;

    EnterpriseController(EnterpriseBook book, Qualifications qualifications, ConsentGrants consents,
            ReferenceData reference, OrganisationRegistry registry, EnterpriseRules rules, Clock clock) {
        this.rules = rules;
        this.book = book;
        this.qualifications = qualifications;
        this.consents = consents;
        this.reference = reference;
        this.registry = registry;
        this.clock = clock;
    }

    /** The enterprise user's own profile. */
    @GetMapping("/enterprise/profile")
    String mine(@AuthenticationPrincipal SignedInUser user) {
        return "redirect:/enterprises/" + book.ownCreditCode(user)
                .orElseThrow(() -> new NotFoundException("当前账号不属于企业"));
    }

    @GetMapping("/enterprises/{code}")
    String show(@PathVariable String code, @AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("card", book.card(code).orElseThrow(() -> new NotFoundException("企业不存在")));
        model.addAttribute("qualifications", qualifications.of(code));
        model.addAttribute("today", LocalDate.now(clock));
        try {
            EnterpriseDossier dossier = book.dossier(code, user);
            model.addAttribute("dossier", dossier);
            if (dossier.access() == EnterpriseDossier.Access.OWNER) {
                model.addAttribute("grants", consents.of(code, user));
                model.addAttribute("accessLog", book.accessLog(code, user, 0).items());
                model.addAttribute("institutions", registry.search(null, OrganisationKind.INSTITUTION,
                        Organisation.Status.ACTIVE, 0, 200).items());
                model.addAttribute("institutionTypes", InstitutionType.values());
                model.addAttribute("qualificationKinds", reference.qualificationKinds());
            }
            if (dossier.access() != EnterpriseDossier.Access.GRANTED) {
                model.addAttribute("history", book.history(code, user));
            }
            model.addAttribute("stages", LifecycleStage.values());
        } catch (AccessDeniedException e) {
            model.addAttribute("denied", true);
        }
        return "enterprise/show";
    }

    /** Unmasks the contact person for one page view; audited (UNMASK_CONTACT) in EnterpriseBook.contact. */
    @PostMapping("/enterprises/{code}/contact")
    String unmaskContact(@PathVariable String code, @AuthenticationPrincipal SignedInUser user,
            RedirectAttributes redirect) {
        redirect.addFlashAttribute("unmaskedContact", book.contact(code, user));
        return "redirect:/enterprises/" + code;
    }

    @GetMapping("/enterprises/{code}/edit")
    String edit(@PathVariable String code, @AuthenticationPrincipal SignedInUser user, Model model) {
        EnterpriseDossier dossier = book.dossier(code, user);
        model.addAttribute("form", ProfileForm.of(dossier, LocalDate.now(clock).getYear() - 1));
        return form(code, model);
    }

    @PostMapping("/enterprises/{code}/edit")
    String save(@PathVariable String code, @ModelAttribute("form") ProfileForm form, BindingResult binding,
            @AuthenticationPrincipal SignedInUser user, Model model, RedirectAttributes redirect) {
        ProfileForm.Parsed parsed = form.parse();
        if (!parsed.errors().isEmpty()) {
            // report the rules' findings on what could be read too, so every problem shows in one round
            java.util.Map<String, String> all = new java.util.LinkedHashMap<>(parsed.errors());
            rules.problemsOf(parsed.profile(), LocalDate.now(clock)).forEach(all::putIfAbsent);
            FormErrors.show(all, binding);
            return form(code, model);
        }
        try {
            book.update(code, parsed.profile(), parsed.figures(), user);
        } catch (InvalidRequestException e) {
            FormErrors.show(e, binding);
            return form(code, model);
        }
        redirect.addFlashAttribute("notice", "企业信息已保存");
        return "redirect:/enterprises/" + code;
    }

    private String form(String code, Model model) {
        model.addAttribute("code", code);
        model.addAttribute("towns", reference.towns());
        model.addAttribute("emergingIndustries", reference.emergingIndustries());
        return "enterprise/edit";
    }

    @PostMapping("/enterprises/{code}/stage")
    String stage(@PathVariable String code, @RequestParam(required = false) @Nullable LifecycleStage stage,
            @RequestParam(required = false) @Nullable String reason, @AuthenticationPrincipal SignedInUser user,
            RedirectAttributes redirect) {
        try {
            book.overrideStage(code, stage, reason, user);
            redirect.addFlashAttribute("notice", "生命周期阶段已更新");
        } catch (InvalidRequestException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/enterprises/" + code;
    }

    @PostMapping("/enterprises/{code}/qualifications")
    String declare(@PathVariable String code, @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable String certificateNo,
            @RequestParam(required = false) @Nullable String issuer,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate validFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate validUntil,
            @RequestParam(required = false) @Nullable MultipartFile attachment,
            @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) throws IOException {
        try {
            qualifications.declare(code, kind, certificateNo, issuer, validFrom, validUntil,
                    attachment == null ? null : attachment.getOriginalFilename(),
                    attachment == null ? null : attachment.getBytes(), user);
            redirect.addFlashAttribute("notice", "资质已申报，等待政府部门核验");
        } catch (InvalidRequestException e) {
            redirect.addFlashAttribute("problem", String.join("；", e.fieldErrors().isEmpty()
                    ? List.of(e.getMessage()) : e.fieldErrors().values()));
        }
        return "redirect:/enterprises/" + code + "#qualifications";
    }

    @PostMapping("/enterprises/{code}/consents")
    String grant(@PathVariable String code, @RequestParam(required = false) @Nullable String grantee,
            @RequestParam(required = false) @Nullable String purpose,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate validUntil,
            @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        UUID organisation = null;
        InstitutionType type = null;
        if (grantee != null && grantee.startsWith("org:")) {
            organisation = parseUuid(grantee.substring(4));
        } else if (grantee != null && grantee.startsWith("type:")) {
            type = Arrays.stream(InstitutionType.values()).filter(t -> t.name().equals(grantee.substring(5)))
                    .findFirst().orElse(null);
        }
        try {
            consents.grant(code, organisation, type, purpose, null, validUntil, user);
            redirect.addFlashAttribute("notice", "授权已生效");
        } catch (InvalidRequestException e) {
            redirect.addFlashAttribute("problem", String.join("；", e.fieldErrors().values()));
        }
        return "redirect:/enterprises/" + code + "#consents";
    }

    @PostMapping("/enterprises/{code}/consents/{grant}/revoke")
    String revoke(@PathVariable String code, @PathVariable UUID grant, @AuthenticationPrincipal SignedInUser user,
            RedirectAttributes redirect) {
        consents.revoke(code, grant, user);
        redirect.addFlashAttribute("notice", "授权已撤销");
        return "redirect:/enterprises/" + code + "#consents";
    }

    @PostMapping("/qualifications/{id}/verify")
    String verify(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user,
            @RequestParam(defaultValue = "") String back, RedirectAttributes redirect) {
        var q = qualifications.find(id).orElseThrow(() -> new NotFoundException("资质申报不存在"));
        qualifications.verify(id, user);
        redirect.addFlashAttribute("notice", "已核验：" + q.enterpriseName() + " " + q.kindName());
        return "redirect:" + (back.equals("pending") ? "/qualifications/pending" : "/enterprises/" + q.creditCode());
    }

    @PostMapping("/qualifications/{id}/reject")
    String reject(@PathVariable UUID id, @RequestParam(required = false) @Nullable String reason,
            @RequestParam(defaultValue = "") String back, @AuthenticationPrincipal SignedInUser user,
            RedirectAttributes redirect) {
        var q = qualifications.find(id).orElseThrow(() -> new NotFoundException("资质申报不存在"));
        try {
            qualifications.reject(id, reason, user);
            redirect.addFlashAttribute("notice", "已驳回：" + q.enterpriseName() + " " + q.kindName());
        } catch (InvalidRequestException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:" + (back.equals("pending") ? "/qualifications/pending" : "/enterprises/" + q.creditCode());
    }

    @GetMapping("/qualifications/{id}/attachment")
    ResponseEntity<byte[]> attachment(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        Qualifications.Attachment file = qualifications.attachment(id, user);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(file.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(file.content());
    }

    private static @Nullable UUID parseUuid(String s) {
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
