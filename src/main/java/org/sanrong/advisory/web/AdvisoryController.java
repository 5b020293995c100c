package org.sanrong.advisory.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.advisory.AdviceRequest;
import org.sanrong.advisory.Adviser;
import org.sanrong.advisory.Advisory;
import org.sanrong.advisory.AdvisoryBoard;
import org.sanrong.advisory.AreaOrder;
import org.sanrong.advisory.Assignment;
import org.sanrong.advisory.AssignmentBasis;
import org.sanrong.advisory.AssignmentView;
import org.sanrong.advisory.RequestView;
import org.sanrong.advisory.ServiceRecord;
import org.sanrong.advisory.ServiceType;
import org.sanrong.advisory.Speciality;
import org.sanrong.identity.SignedInUser;
import org.sanrong.platform.Charts;
import org.sanrong.platform.FormErrors;
import org.sanrong.platform.InvalidRequestException;
import org.sanrong.reference.ReferenceData;
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
 * 金融顾问 pages: government's assignment desk and board, the institution's advisers (and an adviser's own
 * enterprises), the enterprise's advisers and requests, and one assignment with its service log and ratings. A
 * refused form comes back with its messages next to the fields.
 */
@Controller
class AdvisoryController {

    private final Advisory advisory;
    private final AdvisoryBoard board;
    private final Charts charts;
    private final Clock clock;
    private final ReferenceData reference;

    AdvisoryController(Advisory advisory, AdvisoryBoard board, Charts charts, ReferenceData reference, Clock clock) {
        this.advisory = advisory;
        this.board = board;
        this.charts = charts;
        this.clock = clock;
        this.reference = reference;
    }

    // ---- government -------------------------------------------------------------------------------------------

    /** The desk: open requests, the assignment form (filled in from a request when one is chosen), assignments. */
    @GetMapping("/advisory")
    @PreAuthorize("hasAnyRole('GOV', 'ADMIN')")
    String desk(@RequestParam(required = false) @Nullable UUID request, @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal SignedInUser user, Model model) {
        AdvisoryForms.AssignForm form = AdvisoryForms.AssignForm.empty(LocalDate.now(clock));
        if (request != null) {
            RequestView r = advisory.openRequests(user).stream().filter(v -> v.id().equals(request)).findFirst()
                    .orElse(null);
            if (r != null) {
                form = new AdvisoryForms.AssignForm("", r.enterpriseCreditCode(), "REQUEST", r.id().toString(),
                        LocalDate.now(clock).toString(), "");
                model.addAttribute("answering", r);
            }
        }
        model.addAttribute("assignForm", form);
        return desk(page, user, model);
    }

    @PostMapping("/advisory/assignments")
    @PreAuthorize("hasAnyRole('GOV', 'ADMIN')")
    String assign(@ModelAttribute("assignForm") AdvisoryForms.AssignForm form, BindingResult binding,
            @AuthenticationPrincipal SignedInUser user, Model model, RedirectAttributes redirect) {
        var parsed = form.parse();
        if (parsed.errors().isEmpty()) {
            try {
                Assignment.Id id = advisory.assign(parsed.value(), user);
                redirect.addFlashAttribute("notice", "已指派金融顾问，顾问和企业都已收到站内消息");
                return "redirect:/advisory/assignments/" + id.value();
            } catch (InvalidRequestException e) {
                FormErrors.show(e, binding);
            }
        } else {
            FormErrors.show(parsed.errors(), binding);
        }
        UUID request = AdvisoryForms.uuid(form.requestId());
        if (request != null) {
            advisory.openRequests(user).stream().filter(v -> v.id().equals(request)).findFirst()
                    .ifPresent(r -> model.addAttribute("answering", r));
        }
        return desk(0, user, model);
    }

    /** One adviser for the enterprises of a town or an industry at once. */
    @PostMapping("/advisory/assignments/area")
    @PreAuthorize("hasAnyRole('GOV', 'ADMIN')")
    String assignArea(@ModelAttribute("areaForm") AdvisoryForms.AreaForm form, BindingResult binding,
            @AuthenticationPrincipal SignedInUser user, Model model, RedirectAttributes redirect) {
        var parsed = form.parse();
        if (parsed.errors().isEmpty()) {
            try {
                AreaOrder.Result result = advisory.assignArea(parsed.value(), user);
                redirect.addFlashAttribute("notice", result.assigned() == 0
                        ? "该片区没有可以指派的企业（已由该顾问服务的 " + result.skipped() + " 家已跳过）"
                        : "已为 " + result.assigned() + " 家企业指派金融顾问" + (result.skipped() == 0 ? ""
                                : "，已由该顾问服务的 " + result.skipped() + " 家已跳过"));
                return "redirect:/advisory";
            } catch (InvalidRequestException e) {
                FormErrors.show(AdvisoryForms.AreaForm.onForm(e.fieldErrors()), binding);
                if (e.fieldErrors().isEmpty()) {
                    FormErrors.show(e, binding);
                }
            }
        } else {
            FormErrors.show(parsed.errors(), binding);
        }
        model.addAttribute("assignForm", AdvisoryForms.AssignForm.empty(LocalDate.now(clock)));
        return desk(0, user, model);
    }

    private String desk(int page, SignedInUser user, Model model) {
        if (!model.containsAttribute("areaForm")) {
            model.addAttribute("areaForm", AdvisoryForms.AreaForm.empty(LocalDate.now(clock)));
        }
        model.addAttribute("towns", reference.towns());
        model.addAttribute("requests", advisory.openRequests(user));
        model.addAttribute("advisers", advisory.activeAdvisers());
        model.addAttribute("assignments", advisory.recentAssignments(user, page, 20));
        model.addAttribute("bases", List.of(AssignmentBasis.TOWN, AssignmentBasis.INDUSTRY));
        return "advisory/desk";
    }

    @PostMapping("/advisory/assignments/{id}/end")
    @PreAuthorize("hasAnyRole('GOV', 'ADMIN')")
    String end(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        try {
            advisory.endAssignment(new Assignment.Id(id), user);
            redirect.addFlashAttribute("notice", "该指派已结束");
        } catch (InvalidRequestException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/advisory/assignments/" + id;
    }

    @GetMapping("/advisory/board")
    @PreAuthorize("hasAnyRole('GOV', 'ADMIN')")
    String board(@AuthenticationPrincipal SignedInUser user, Model model) {
        AdvisoryBoard.Figures figures = board.figures(user);
        model.addAttribute("figures", figures);
        model.addAttribute("coverageChart", charts.bar(figures.servedByTown()));
        return "advisory/board";
    }

    @GetMapping("/advisory/board.xlsx")
    @PreAuthorize("hasAnyRole('GOV', 'ADMIN')")
    void export(@AuthenticationPrincipal SignedInUser user, HttpServletResponse response) throws IOException {
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        String name = "金融顾问看板-" + LocalDate.now(clock) + ".xlsx";
        response.setHeader("Content-Disposition", "attachment; filename=\"advisory-board.xlsx\"; filename*=UTF-8''"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
        board.export(user, response.getOutputStream());
    }

    // ---- institutions and advisers ----------------------------------------------------------------------------

    @GetMapping("/institution/advisers")
    @PreAuthorize("hasRole('INSTITUTION')")
    String institution(@AuthenticationPrincipal SignedInUser user, Model model) {
        if (!model.containsAttribute("adviserForm")) {
            model.addAttribute("adviserForm", AdvisoryForms.AdviserForm.empty());
        }
        model.addAttribute("advisers", advisory.advisersOfInstitution(user));
        model.addAttribute("candidates", user.organisationAdmin() ? advisory.candidates(user) : List.of());
        model.addAttribute("me", advisory.adviserOf(user).orElse(null));
        model.addAttribute("mine", advisory.assignmentsOfAdviser(user));
        model.addAttribute("institutionAssignments", advisory.assignmentsOfInstitution(user));
        model.addAttribute("specialities", Speciality.values());
        return "advisory/institution";
    }

    @PostMapping("/institution/advisers")
    @PreAuthorize("hasRole('INSTITUTION')")
    String nameAdviser(@ModelAttribute("adviserForm") AdvisoryForms.AdviserForm form, BindingResult binding,
            @AuthenticationPrincipal SignedInUser user, Model model, RedirectAttributes redirect) {
        try {
            advisory.nameAdviser(form.username(), form.chosen(), form.phone(), form.introduction(), user);
        } catch (InvalidRequestException e) {
            FormErrors.show(e, binding);
            return institution(user, model);
        }
        redirect.addFlashAttribute("notice", "已指定为金融顾问，政府部门可以向其指派服务企业");
        return "redirect:/institution/advisers";
    }

    @PostMapping("/institution/advisers/{id}/retirement")
    @PreAuthorize("hasRole('INSTITUTION')")
    String retire(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        try {
            advisory.retireAdviser(new Adviser.Id(id), user);
            redirect.addFlashAttribute("notice", "该顾问已停止接受新的指派");
        } catch (InvalidRequestException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/institution/advisers";
    }

    // ---- enterprises ------------------------------------------------------------------------------------------

    @GetMapping("/enterprise/advisers")
    @PreAuthorize("hasRole('ENTERPRISE')")
    String enterprise(@AuthenticationPrincipal SignedInUser user, Model model) {
        if (!model.containsAttribute("requestForm")) {
            model.addAttribute("requestForm", AdvisoryForms.RequestForm.empty());
        }
        model.addAttribute("assignments", advisory.assignmentsOfEnterprise(user));
        model.addAttribute("requests", advisory.requestsOfEnterprise(user));
        model.addAttribute("specialities", Speciality.values());
        return "advisory/enterprise";
    }

    @PostMapping("/enterprise/advisers/requests")
    @PreAuthorize("hasRole('ENTERPRISE')")
    String request(@ModelAttribute("requestForm") AdvisoryForms.RequestForm form, BindingResult binding,
            @AuthenticationPrincipal SignedInUser user, Model model, RedirectAttributes redirect) {
        try {
            advisory.request(AdvisoryForms.value(Speciality.class, form.speciality()).orElse(null),
                    form.description(), user);
        } catch (InvalidRequestException e) {
            FormErrors.show(e, binding);
            return enterprise(user, model);
        }
        redirect.addFlashAttribute("notice", "申请已提交，政府部门将为您指派金融顾问");
        return "redirect:/enterprise/advisers";
    }

    @PostMapping("/enterprise/advisers/requests/{id}/cancellation")
    @PreAuthorize("hasRole('ENTERPRISE')")
    String cancel(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        try {
            advisory.cancelRequest(new AdviceRequest.Id(id), user);
            redirect.addFlashAttribute("notice", "申请已撤回");
        } catch (InvalidRequestException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/enterprise/advisers";
    }

    // ---- one assignment ---------------------------------------------------------------------------------------

    @GetMapping("/advisory/assignments/{id}")
    String assignment(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, Model model) {
        return page(id, user, model, Map.of(), Map.of());
    }

    @PostMapping("/advisory/assignments/{id}/services")
    String logService(@PathVariable UUID id, @ModelAttribute("serviceForm") AdvisoryForms.ServiceForm form,
            BindingResult binding, @AuthenticationPrincipal SignedInUser user, Model model,
            RedirectAttributes redirect) {
        var parsed = form.parse();
        if (parsed.errors().isEmpty()) {
            try {
                advisory.logService(new Assignment.Id(id), parsed.value(), user);
                redirect.addFlashAttribute("notice", "服务已登记，企业会收到评价邀请");
                return "redirect:/advisory/assignments/" + id;
            } catch (InvalidRequestException e) {
                FormErrors.show(e, binding);
            }
        } else {
            FormErrors.show(parsed.errors(), binding);
        }
        return page(id, user, model, Map.of(), Map.of());
    }

    @PostMapping("/advisory/services/{id}/rating")
    @PreAuthorize("hasRole('ENTERPRISE')")
    String rate(@PathVariable UUID id, @ModelAttribute AdvisoryForms.RatingForm form,
            @AuthenticationPrincipal SignedInUser user, Model model, RedirectAttributes redirect) {
        var service = advisory.service(new ServiceRecord.Id(id), user);
        try {
            advisory.rate(new ServiceRecord.Id(id), form.points(), form.comment(), user);
        } catch (InvalidRequestException e) {
            Map<UUID, String> errors = new HashMap<>();
            errors.put(id, String.join("；", e.fieldErrors().isEmpty() ? List.of(String.valueOf(e.getMessage()))
                    : e.fieldErrors().values()));
            return page(service.assignmentId(), user, model, errors, Map.of(id, form));
        }
        redirect.addFlashAttribute("notice", "感谢评价");
        return "redirect:/advisory/assignments/" + service.assignmentId();
    }

    private String page(UUID id, SignedInUser user, Model model, Map<UUID, String> ratingErrors,
            Map<UUID, AdvisoryForms.RatingForm> ratingForms) {
        AssignmentView a = advisory.assignment(new Assignment.Id(id), user);
        model.addAttribute("a", a);
        model.addAttribute("services", advisory.services(new Assignment.Id(id), user));
        model.addAttribute("types", ServiceType.values());
        model.addAttribute("ratingErrors", ratingErrors);
        model.addAttribute("ratingForms", ratingForms);
        model.addAttribute("today", LocalDate.now(clock));
        if (!model.containsAttribute("serviceForm")) {
            model.addAttribute("serviceForm", AdvisoryForms.ServiceForm.empty(LocalDate.now(clock)));
        }
        return "advisory/assignment";
    }
}
