package org.sanrong.audit.web;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.sanrong.audit.AuditQuery;
import org.sanrong.audit.AuditTrail;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The operator's search of the audit trail by actor, action and date. */
@Controller
class AuditController {

    static final String[] ACTIONS = {"LOGIN", "LOGOUT", "REGISTER_ORGANISATION", "ESTABLISH_ORGANISATION",
        "APPROVE_ORGANISATION", "DISABLE_ORGANISATION", "ENABLE_ORGANISATION", "INVITE_MEMBER", "ACCEPT_INVITATION",
        "CHANGE_PASSWORD", "DISABLE_ACCOUNT", "ENABLE_ACCOUNT", "UNLOCK_ACCOUNT", "VIEW_PROFILE", "UPDATE_PROFILE",
        "CREATE_ENTERPRISE", "OVERRIDE_STAGE", "GRANT_CONSENT", "REVOKE_CONSENT", "DECLARE_QUALIFICATION",
        "VERIFY_QUALIFICATION", "REJECT_QUALIFICATION", "IMPORT_WHITELIST", "IMPORT_ENTERPRISES", "CREATE_PRODUCT",
        "UPDATE_PRODUCT", "SUBMIT_PRODUCT", "WITHDRAW_PRODUCT", "APPROVE_PRODUCT", "RETURN_PRODUCT", "EXPIRE_PRODUCT",
        "CREATE_DEMAND", "UPDATE_DEMAND", "PUBLISH_DEMAND", "CLOSE_DEMAND", "START_DEMAND", "SATISFY_DEMAND",
        "EXPIRE_DEMAND", "APPLY_DEAL", "PICK_UP_DEAL", "REQUEST_MATERIALS", "PROVIDE_MATERIALS", "APPROVE_DEAL",
        "DECLINE_DEAL", "ACCEPT_OFFER", "DECLINE_OFFER", "WITHDRAW_DEAL", "DISBURSE_LOAN", "RECORD_INVESTMENT",
        "REPORT_LOAN_STATUS", "DEAL_OVERDUE", "REFER_DEAL", "VIEW_DEAL", "PUBLISH_LEAGUE", "IMPORT_HUB_DATA",
        "VIEW_HUB_DATA", "DISPUTE_DATA", "CORRECT_DATA", "REJECT_DISPUTE", "VIEW_CREDIT_PROFILE", "TRAIN_MODEL",
        "APPROVE_MODEL", "REJECT_MODEL", "RESCORE_ALL"};

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/admin/audit")
    String search(@RequestParam(required = false) @Nullable String actor,
            @RequestParam(required = false) @Nullable String action,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("result", trail.search(new AuditQuery(actor, action, null, null, from, to),
                Math.max(0, page), 50));
        model.addAttribute("actor", actor);
        model.addAttribute("action", action);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("actions", ACTIONS);
        return "audit/list";
    }
}
