package org.sanrong.roadshow.web;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.identity.SignedInUser;
import org.sanrong.platform.FormErrors;
import org.sanrong.platform.FormInput;
import org.sanrong.platform.InvalidRequestException;
import org.sanrong.roadshow.Roadshow;
import org.sanrong.roadshow.RoadshowDeck;
import org.sanrong.roadshow.RoadshowProgramme;
import org.sanrong.roadshow.RoadshowView;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
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

/**
 * 路演 pages: the events with what came of each, announcing one, and the event page where enterprises apply, the
 * organiser selects, invites (with matching's proposals) and marks it held, investors register and, afterwards, mark
 * interest — each interest a deal whose status, offer and investment the page shows.
 */
@Controller
class RoadshowController {

    private final RoadshowProgramme programme;

    RoadshowController(RoadshowProgramme programme) {
        this.programme = programme;
    }

    @GetMapping("/roadshows")
    String list(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("roadshows", programme.list(user));
        return "roadshow/list";
    }

    @GetMapping("/roadshows/new")
    @PreAuthorize("hasAnyRole('GOV', 'ADMIN', 'INSTITUTION')")
    String newForm(Model model) {
        model.addAttribute("eventForm", RoadshowForms.EventForm.empty());
        model.addAttribute("formats", Roadshow.Format.values());
        return "roadshow/new";
    }

    @PostMapping("/roadshows")
    @PreAuthorize("hasAnyRole('GOV', 'ADMIN', 'INSTITUTION')")
    String create(@ModelAttribute("eventForm") RoadshowForms.EventForm form, BindingResult binding,
            @AuthenticationPrincipal SignedInUser user, Model model, RedirectAttributes redirect) {
        model.addAttribute("formats", Roadshow.Format.values());
        var parsed = form.parse();
        if (parsed.value() == null || !parsed.errors().isEmpty()) {
            FormErrors.show(parsed.errors(), binding);
            return "roadshow/new";
        }
        try {
            Roadshow.Id id = programme.announce(parsed.value(), user);
            redirect.addFlashAttribute("notice", "路演已发布");
            return "redirect:/roadshows/" + id.value();
        } catch (InvalidRequestException e) {
            FormErrors.show(e, binding);
            return "roadshow/new";
        }
    }

    @GetMapping("/roadshows/{id}")
    String show(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, Model model) {
        return page(id, user, model);
    }

    @PostMapping("/roadshows/{id}/presenters")
    @PreAuthorize("hasRole('ENTERPRISE')")
    String apply(@PathVariable UUID id, @ModelAttribute("applyForm") RoadshowForms.ApplyForm form,
            BindingResult binding, @RequestParam(name = "deckFile", required = false) @Nullable MultipartFile deck,
            @AuthenticationPrincipal SignedInUser user, Model model, RedirectAttributes redirect) throws IOException {
        FormInput in = new FormInput();
        Long amount = in.wan("amountSought", form.amountSought());
        if (!in.errors().isEmpty()) {
            FormErrors.show(in.errors(), binding);
            return page(id, user, model);
        }
        byte[] bytes = deck == null ? null : deck.getBytes();
        try {
            programme.apply(new Roadshow.Id(id), form.pitch(), amount, deck == null ? null
                    : deck.getOriginalFilename(), bytes, user);
        } catch (InvalidRequestException e) {
            FormErrors.show(e, binding);
            return page(id, user, model);
        }
        redirect.addFlashAttribute("notice", "申请已提交，等待主办方遴选");
        return "redirect:/roadshows/" + id;
    }

    @PostMapping("/roadshows/{id}/presenters/{code}/selection")
    String select(@PathVariable UUID id, @PathVariable String code, @RequestParam(defaultValue = "true") boolean select,
            @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        return simple(id, redirect, select ? "已入选" : "已标记未入选",
                () -> programme.decide(new Roadshow.Id(id), code, select, user));
    }

    @PostMapping("/roadshows/{id}/registrations")
    @PreAuthorize("hasRole('INSTITUTION')")
    String register(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        return simple(id, redirect, "已报名", () -> programme.register(new Roadshow.Id(id), user));
    }

    @PostMapping("/roadshows/{id}/invitations")
    String invite(@PathVariable UUID id, @RequestParam UUID organisationId, @AuthenticationPrincipal SignedInUser user,
            RedirectAttributes redirect) {
        return simple(id, redirect, "邀请已发出", () -> programme.invite(new Roadshow.Id(id), organisationId, user));
    }

    @PostMapping("/roadshows/{id}/held")
    String hold(@PathVariable UUID id, @RequestParam(required = false) @Nullable List<UUID> attended,
            @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        Set<UUID> present = attended == null ? Set.of() : new HashSet<>(attended);
        return simple(id, redirect, "路演已标记为已举办，出席的投资机构可以标记投资意向",
                () -> programme.hold(new Roadshow.Id(id), present, user));
    }

    @PostMapping("/roadshows/{id}/cancellation")
    String cancel(@PathVariable UUID id, @RequestParam(required = false) @Nullable String note,
            @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        return simple(id, redirect, "路演已取消", () -> programme.cancel(new Roadshow.Id(id), note, user));
    }

    @PostMapping("/roadshows/{id}/interests")
    @PreAuthorize("hasRole('INSTITUTION')")
    String interest(@PathVariable UUID id, @RequestParam(required = false) @Nullable String creditCode,
            @RequestParam(required = false) @Nullable String note, @AuthenticationPrincipal SignedInUser user,
            RedirectAttributes redirect) {
        return simple(id, redirect, "已表达投资意向，对接已建立", () -> programme.markInterest(new Roadshow.Id(id),
                creditCode == null ? "" : creditCode, note, user));
    }

    @GetMapping("/roadshows/decks/{id}")
    ResponseEntity<byte[]> deck(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        RoadshowDeck d = programme.deck(id, user);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(d.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(d.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff").body(d.content());
    }

    private String page(UUID id, SignedInUser user, Model model) {
        RoadshowView r = programme.view(new Roadshow.Id(id), user);
        model.addAttribute("roadshow", r);
        model.addAttribute("proposals", r.organiser() && r.open() ? programme.proposals(new Roadshow.Id(id), user)
                : List.of());
        model.addAttribute("deckMaxMb", programme.deckMaxBytes() / (1024 * 1024));
        if (!model.containsAttribute("applyForm")) {
            model.addAttribute("applyForm", RoadshowForms.ApplyForm.empty());
        }
        return "roadshow/show";
    }

    private String simple(UUID id, RedirectAttributes redirect, String notice, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (InvalidRequestException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/roadshows/" + id;
    }
}
