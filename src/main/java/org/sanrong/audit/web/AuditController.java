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
        "REPORT_LOAN_STATUS", "DEAL_OVERDUE", "REFER_DEAL", "VIEW_DEAL", "PUBLISH_LEAGUE", "MFA_ENROL", "MFA_LOGIN",
        "CREATE_API_TOKEN", "REVOKE_API_TOKEN", "END_SESSIONS", "OFFER_FILING", "FILE_LOAN", "FILE_LOAN_MANUALLY",
        "CLAIM_COMPENSATION", "APPROVE_CLAIM", "REJECT_CLAIM", "HOLD_CLAIM", "RELEASE_CLAIM", "PAY_CLAIM",
        "REPORT_RECOVERY", "CONFIRM_REMITTANCE", "FUND_POOL", "REPORT_NPL_RATIO", "RECORD_GUARANTEED_LOAN",
        "RECORD_GUARANTEE_DEFAULT", "RECORD_GUARANTEE_RECOVERY", "SETTLE_GUARANTEE", "UPLOAD_CLAIM_DOCUMENT",
        "DOWNLOAD_CLAIM_DOCUMENT", "IMPORT_FILINGS",
        "LIST_BRIDGE_ENTERPRISE", "APPLY_BRIDGE", "COMMIT_BRIDGE", "LEND_BRIDGE", "RENEW_BRIDGE", "REPAY_BRIDGE",
        "FUND_BRIDGE", "ENROL_RESERVE",
        "ENROL_RESERVE_BY_RULE", "RECORD_MILESTONE", "REGRADE_RESERVE", "RETARGET_RESERVE", "ENGAGE_INTERMEDIARIES",
        "ESTIMATE_MARKET_VALUE", "SAVE_LISTING_FIGURES", "REMOVE_RESERVE", "RAISE_LISTING_REQUEST",
        "ANSWER_LISTING_REQUEST", "CREATE_ROADSHOW", "APPLY_ROADSHOW", "SELECT_PRESENTER", "REGISTER_ROADSHOW",
        "INVITE_INVESTOR", "HOLD_ROADSHOW", "CANCEL_ROADSHOW", "MARK_INTEREST", "OPEN_ROADSHOW_DEAL",
        "SUBSIDY_COMPUTE", "SUBSIDY_CONFIRM", "SUBSIDY_NOTICE", "SUBSIDY_APPROVE", "SUBSIDY_PAY", "SUBSIDY_REPORT",
        "SUBSIDY_BATCH_PREPARE", "SUBSIDY_BATCH_SELECT", "SUBSIDY_BATCH_CHECK", "SUBSIDY_BATCH_APPROVE",
        "SUBSIDY_BATCH_PAY", "SUBSIDY_BATCH_EXPORT", "SUBSIDY_OBJECT", "SUBSIDY_CLAWBACK", "SUBSIDY_POLICY_EDIT",
        "SUBSIDY_RESOLVE_OBJECTION", "UNMASK_CONTACT", "ARCHIVE_AUDIT", "CREATE_ACHIEVEMENT", "UPDATE_ACHIEVEMENT",
        "WITHDRAW_ACHIEVEMENT", "REPUBLISH_ACHIEVEMENT",
        "EXPRESS_INTEREST", "NAME_ADVISER", "REVISE_ADVISER", "RETIRE_ADVISER", "REQUEST_ADVISER",
        "CANCEL_ADVICE_REQUEST", "ASSIGN_ADVISER", "END_ASSIGNMENT", "LOG_SERVICE", "RATE_SERVICE",
        "ASSIGN_ADVISER_AREA", "RECORD_PLAN_VALUE", "BIND_PLAN_INDICATOR", "LOAD_PLAN", "IMPORT_TASKS",
        "VIEW_TASK_TABLE", "REPORT_TASK_PROGRESS", "REVIEW_TASK_REPORT", "BIND_TASK", "RAISE_WARNING",
        "ASSIGN_WARNING", "VERIFY_WARNING", "CLOSE_WARNING", "CHANGE_WARNING_RULE", "RECORD_LEGAL_REP_CHANGE",
        "IMPORT_HUB_DATA", "VIEW_HUB_DATA", "DISPUTE_DATA", "CORRECT_DATA", "REJECT_DISPUTE", "VIEW_CREDIT_PROFILE",
        "TRAIN_MODEL", "APPROVE_MODEL", "REJECT_MODEL", "RESCORE_ALL", "ASSIGN_ROLE"};

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
