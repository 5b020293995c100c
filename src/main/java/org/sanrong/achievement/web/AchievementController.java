package org.sanrong.achievement.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.achievement.Achievement;
import org.sanrong.achievement.AchievementContent;
import org.sanrong.achievement.AchievementKind;
import org.sanrong.achievement.AchievementLibrary;
import org.sanrong.achievement.AchievementQuery;
import org.sanrong.achievement.AchievementView;
import org.sanrong.achievement.Intent;
import org.sanrong.achievement.OwnerType;
import org.sanrong.achievement.ReadinessLevel;
import org.sanrong.identity.Role;
import org.sanrong.identity.SignedInUser;
import org.sanrong.platform.FormErrors;
import org.sanrong.platform.InvalidRequestException;
import org.sanrong.platform.ResultPage;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 科技成果库 pages: the search with its filters, one achievement with its owner, the interest form, the interests its
 * owner received and the IP-pledge loans the owner qualifies for, the recording and editing forms, and each
 * organisation's own achievements and interests. A refused form comes back with the message next to its field.
 */
@Controller
class AchievementController {

    private final AchievementLibrary library;

    AchievementController(AchievementLibrary library) {
        this.library = library;
    }

    @GetMapping("/achievements")
    String search(@RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String industry,
            @RequestParam(required = false) @Nullable String trl,
            @RequestParam(required = false) @Nullable String intent,
            @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable String ownerType,
            @RequestParam(required = false) @Nullable String owner,
            @RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal SignedInUser user, Model model) {
        Integer level = null;
        Map<String, String> problems = new LinkedHashMap<>();
        if (trl != null && !trl.isBlank()) {
            try {
                level = Integer.valueOf(trl.strip());
            } catch (NumberFormatException e) {
                problems.put("trl", "技术成熟度应为1至9级");
            }
        }
        AchievementQuery query = new AchievementQuery(q, industry, level,
                AchievementForms.value(Intent.class, intent).orElse(null),
                AchievementForms.value(AchievementKind.class, kind).orElse(null),
                AchievementForms.value(OwnerType.class, ownerType).orElse(null), owner);
        ResultPage<AchievementView> result = new ResultPage<>(List.of(), 0, 20, 0);
        if (problems.isEmpty()) {
            try {
                result = library.search(query, user, page, 20);
            } catch (InvalidRequestException e) {
                problems.putAll(e.fieldErrors());
            }
        }
        model.addAttribute("result", result);
        model.addAttribute("query", query);
        model.addAttribute("trlText", trl);
        model.addAttribute("filterProblems", problems);
        options(model);
        return "achievement/list";
    }

    @GetMapping("/achievements/{id}")
    String show(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, Model model) {
        return page(id, user, model);
    }

    // ---- interest -----------------------------------------------------------------------------------------------

    @PostMapping("/achievements/{id}/interests")
    @PreAuthorize("hasRole('ENTERPRISE')")
    String expressInterest(@PathVariable UUID id, @ModelAttribute("interestForm") AchievementForms.InterestForm form,
            BindingResult binding, @AuthenticationPrincipal SignedInUser user, Model model,
            RedirectAttributes redirect) {
        try {
            library.expressInterest(new Achievement.Id(id), form.chosenIntent(), form.message(), user);
        } catch (InvalidRequestException e) {
            FormErrors.show(e, binding);
            return page(id, user, model);
        }
        redirect.addFlashAttribute("notice", "已将合作意向告知成果所有者，对方会通过站内消息看到您的留言");
        return "redirect:/achievements/" + id;
    }

    // ---- recording and editing ----------------------------------------------------------------------------------

    @GetMapping("/achievements/new")
    @PreAuthorize("hasAnyRole('ENTERPRISE', 'GOV', 'ADMIN')")
    String newForm(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("form", AchievementForms.ContentForm.empty(user.displayName()));
        return form(null, user, model);
    }

    @PostMapping("/achievements")
    @PreAuthorize("hasAnyRole('ENTERPRISE', 'GOV', 'ADMIN')")
    String create(@ModelAttribute("form") AchievementForms.ContentForm form, BindingResult binding,
            @AuthenticationPrincipal SignedInUser user, Model model, RedirectAttributes redirect) {
        var parsed = form.parse();
        if (!parsed.errors().isEmpty()) {
            FormErrors.show(parsed.errors(), binding);
            return form(null, user, model);
        }
        Achievement.Id id;
        try {
            id = library.record(parsed.value(), user);
        } catch (InvalidRequestException e) {
            FormErrors.show(e, binding);
            return form(null, user, model);
        }
        redirect.addFlashAttribute("notice", "成果已登记并在成果库中展示");
        return "redirect:/achievements/" + id.value();
    }

    @GetMapping("/achievements/{id}/edit")
    String editForm(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, Model model) {
        AchievementContent content = library.content(new Achievement.Id(id), user);
        model.addAttribute("form", AchievementForms.ContentForm.of(content));
        return form(library.view(new Achievement.Id(id), user), user, model);
    }

    @PostMapping("/achievements/{id}/edit")
    String edit(@PathVariable UUID id, @ModelAttribute("form") AchievementForms.ContentForm form,
            BindingResult binding, @AuthenticationPrincipal SignedInUser user, Model model,
            RedirectAttributes redirect) {
        AchievementView existing = library.view(new Achievement.Id(id), user);
        var parsed = form.parse();
        if (!parsed.errors().isEmpty()) {
            FormErrors.show(parsed.errors(), binding);
            return form(existing, user, model);
        }
        try {
            library.update(new Achievement.Id(id), parsed.value(), user);
        } catch (InvalidRequestException e) {
            FormErrors.show(e, binding);
            return form(existing, user, model);
        }
        redirect.addFlashAttribute("notice", "成果信息已保存");
        return "redirect:/achievements/" + id;
    }

    @PostMapping("/achievements/{id}/withdrawal")
    String withdraw(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        return simple(id, redirect, "成果已下架，其他用户将搜索不到", () -> library.withdraw(new Achievement.Id(id), user));
    }

    @PostMapping("/achievements/{id}/republication")
    String republish(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        return simple(id, redirect, "成果已重新上架", () -> library.republish(new Achievement.Id(id), user));
    }

    /** What the organisation recorded, the interests it received, and (an enterprise) those it expressed. */
    @GetMapping("/achievements/mine")
    String mine(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("achievements", library.managed(user));
        model.addAttribute("received", library.interestsReceived(user));
        model.addAttribute("expressed", user.hasRole(Role.ENTERPRISE) ? library.interestsExpressed(user) : List.of());
        return "achievement/mine";
    }

    // ---- internals ----------------------------------------------------------------------------------------------

    private String page(UUID id, SignedInUser user, Model model) {
        Achievement.Id achievementId = new Achievement.Id(id);
        AchievementView a = library.view(achievementId, user);
        model.addAttribute("a", a);
        model.addAttribute("interests", a.manageable() ? library.interests(achievementId, user) : List.of());
        model.addAttribute("ownInterest", library.ownInterest(achievementId, user).orElse(null));
        model.addAttribute("pledgeProducts", library.pledgeProducts(achievementId, user));
        model.addAttribute("canExpress", user.hasRole(Role.ENTERPRISE) && !a.manageable() && !a.interested()
                && a.status().name().equals("PUBLISHED"));
        if (!model.containsAttribute("interestForm")) {
            model.addAttribute("interestForm", AchievementForms.InterestForm.empty());
        }
        return "achievement/show";
    }

    private String form(@Nullable AchievementView existing, SignedInUser user, Model model) {
        model.addAttribute("existing", existing);
        model.addAttribute("external", existing != null ? existing.ownerType() != OwnerType.ENTERPRISE
                : !user.hasRole(Role.ENTERPRISE));
        options(model);
        return "achievement/form";
    }

    private static void options(Model model) {
        model.addAttribute("kinds", AchievementKind.values());
        model.addAttribute("intents", Intent.values());
        model.addAttribute("ownerTypes", OwnerType.values());
        model.addAttribute("externalOwnerTypes", List.of(OwnerType.UNIVERSITY, OwnerType.RESEARCH_INSTITUTE));
        model.addAttribute("levels", java.util.stream.IntStream.rangeClosed(ReadinessLevel.MIN, ReadinessLevel.MAX)
                .boxed().toList());
    }

    private String simple(UUID id, RedirectAttributes redirect, String notice, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (InvalidRequestException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/achievements/" + id;
    }
}
