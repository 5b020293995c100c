package org.sanrong.riskshare;

import static org.sanrong.ledger.JournalEntry.Line.credit;
import static org.sanrong.ledger.JournalEntry.Line.debit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.audit.AuditEntry.Outcome;
import org.sanrong.audit.AuditTrail;
import org.sanrong.identity.InstitutionType;
import org.sanrong.identity.OrganisationKind;
import org.sanrong.identity.OrganisationRegistry;
import org.sanrong.identity.OrganisationView;
import org.sanrong.identity.Role;
import org.sanrong.identity.SignedInUser;
import org.sanrong.inbox.Inbox;
import org.sanrong.inbox.Notice;
import org.sanrong.ledger.Account;
import org.sanrong.ledger.AccountKind;
import org.sanrong.ledger.AccountRef;
import org.sanrong.ledger.InsufficientBalanceException;
import org.sanrong.ledger.JournalEntry;
import org.sanrong.ledger.Ledger;
import org.sanrong.platform.InvalidRequestException;
import org.sanrong.platform.NotFoundException;
import org.sanrong.platform.WorkingCalendar;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 转贷 (bridge loans, issue 9 item 10, e.g. 莞企转贷). Government lists a town's eligible enterprises; an enterprise on a
 * list applies through its bank for a bridge to repay a maturing loan; the bank gives its renewal commitment (or
 * declines); the fund lends — an amount within the configured limits (default 2,000,000 to 200,000,000), for at most
 * the configured working days (default 10, {@link WorkingCalendar}); the bank renews the loan (or says it will not);
 * the fund is repaid with its daily fee (amount × daily rate × calendar days lent, half up to the fen, once). A
 * bridge past its due date and not repaid is flagged overdue; a bank that said it would not renew, or has not renewed
 * by the due date, is flagged. The fund's money moves through the ledger (book {@code bridge:fund}: cash, funders,
 * one account per bridge lent, fee income). Every step is audited and tells the next party in the inbox; a refused
 * step is audited and changes nothing.
 */
@Service
public class BridgeLoans {

    static final String BOOK = "bridge:fund";
    static final String CATEGORY = "RISKSHARE";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final OrganisationRegistry organisations;
    private final WorkingCalendar calendar;
    private final AuditTrail audit;
    private final Inbox inbox;
    private final Clock clock;
    private final long minFen;
    private final long maxFen;
    private final int maxWorkingDays;
    private final BigDecimal dailyRate;

    BridgeLoans(JdbcClient jdbc, Ledger ledger, OrganisationRegistry organisations, WorkingCalendar calendar,
            AuditTrail audit, Inbox inbox, Clock clock,
            @Value("${sanrong.riskshare.bridge.min-amount:2000000.00}") BigDecimal minYuan,
            @Value("${sanrong.riskshare.bridge.max-amount:200000000.00}") BigDecimal maxYuan,
            @Value("${sanrong.riskshare.bridge.max-working-days:10}") int maxWorkingDays,
            @Value("${sanrong.riskshare.bridge.daily-fee-rate:0.0002}") BigDecimal dailyRate) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.organisations = organisations;
        this.calendar = calendar;
        this.audit = audit;
        this.inbox = inbox;
        this.clock = clock;
        this.minFen = Yuan.toFen(minYuan);
        this.maxFen = Yuan.toFen(maxYuan);
        this.maxWorkingDays = maxWorkingDays;
        this.dailyRate = dailyRate;
    }

    public enum Status {
        APPLIED("待银行承诺续贷"), COMMITTED("银行已承诺，待转贷资金放款"), DECLINED("银行未承诺"), LENT("转贷资金已放款，待银行续贷"),
        RENEWED("银行已续贷，待归还转贷资金"), NOT_RENEWED("银行不续贷"), REPAID("已归还");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record Bridge(UUID id, UUID enterpriseOrg, String enterpriseCreditCode, String enterpriseName, String town,
            UUID fundOrg, UUID bankOrg, String bankName, String oldLoanNumber, LocalDate oldLoanMaturity,
            long amountFen, Status status, String appliedBy, Instant appliedAt, @Nullable String committedBy,
            @Nullable String declineReason, @Nullable LocalDate lentOn, @Nullable LocalDate dueOn,
            @Nullable String newLoanNumber, @Nullable LocalDate renewedOn, @Nullable LocalDate repaidOn,
            @Nullable Long feeFen, @Nullable BigDecimal dailyRate, boolean overdue, boolean notRenewed) {
    }

    public record Listed(String town, String enterpriseCreditCode, String enterpriseName, String listedBy,
            Instant listedAt) {
    }

    /** The limits in force, for pages and the API. */
    public record Terms(long minFen, long maxFen, int maxWorkingDays, BigDecimal dailyRate) {
    }

    public record FundFigures(long cashFen, long lentFen, long feesFen, long fundedFen) {
    }

    public Terms terms() {
        return new Terms(minFen, maxFen, maxWorkingDays, dailyRate);
    }

    // ---- town lists -------------------------------------------------------------------------------------------

    @Transactional
    public void list(@Nullable String town, @Nullable String creditCode, SignedInUser user) {
        requireGov(user, "LIST_BRIDGE_ENTERPRISE");
        Map<String, String> errors = new LinkedHashMap<>();
        String t = town == null ? "" : town.strip();
        if (t.isEmpty() || t.length() > 40) {
            errors.put("town", "请填写镇街名称（不超过40个字）");
        }
        String code = creditCode == null ? "" : creditCode.strip().toUpperCase(java.util.Locale.ROOT);
        OrganisationView enterprise = null;
        if (!code.matches("[0-9A-HJ-NPQRTUWXY]{18}")) {
            errors.put("creditCode", "统一社会信用代码应为18位");
        } else {
            enterprise = enterpriseByCode(code).orElse(null);
            if (enterprise == null) {
                errors.put("creditCode", "企业未在平台登记，不能列入名录");
            }
        }
        if (!errors.isEmpty()) {
            fail(user, "LIST_BRIDGE_ENTERPRISE", "bridge-list:" + t, String.join("；", errors.values()));
            throw new InvalidRequestException(errors);
        }
        int added = jdbc.sql("""
                INSERT INTO riskshare.bridge_town_list (town, enterprise_credit_code, enterprise_name, listed_by_org,
                    listed_by, listed_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(t, code, enterprise.name(), user.organisationId(), user.username(),
                        Timestamp.from(clock.instant())).update();
        if (added == 0) {
            String why = enterprise.name() + " 已在 " + t + " 名录中";
            fail(user, "LIST_BRIDGE_ENTERPRISE", "bridge-list:" + t, why);
            throw InvalidRequestException.conflict("creditCode", why);
        }
        audit.record(user.username(), user.organisationId(), "LIST_BRIDGE_ENTERPRISE", "bridge-list:" + t,
                Outcome.SUCCESS, code + " " + enterprise.name());
    }

    @Transactional(readOnly = true)
    public List<Listed> listed(@Nullable String creditCode) {
        return jdbc.sql("""
                SELECT town, enterprise_credit_code, enterprise_name, listed_by, listed_at FROM riskshare.bridge_town_list
                WHERE ?::varchar IS NULL OR enterprise_credit_code = ? ORDER BY town, enterprise_name LIMIT 1000""")
                .params(creditCode, creditCode)
                .query((rs, n) -> new Listed(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant())).list();
    }

    /** The banks an enterprise may apply through. */
    @Transactional(readOnly = true)
    public List<OrganisationView> banks() {
        return organisations.search(null, OrganisationKind.INSTITUTION, null, 0, 500).items().stream()
                .filter(o -> o.institutionType() == InstitutionType.BANK
                        && o.status() == org.sanrong.identity.Organisation.Status.ACTIVE)
                .toList();
    }

    // ---- the steps --------------------------------------------------------------------------------------------

    public record Application(@Nullable UUID bankId, @Nullable String oldLoanNumber,
            @Nullable LocalDate oldLoanMaturity, @Nullable Long amountFen) {
    }

    /** The enterprise applies through its bank. */
    @Transactional
    public UUID apply(Application a, SignedInUser user) {
        if (!user.hasRole(Role.ENTERPRISE)) {
            fail(user, "APPLY_BRIDGE", "bridge:new", "非企业用户");
            throw new AccessDeniedException("只有企业可以申请转贷");
        }
        OrganisationView me = organisations.find(user.organisationId()).orElseThrow();
        Map<String, String> errors = new LinkedHashMap<>();
        List<Listed> onList = me.creditCode() == null ? List.of() : listed(me.creditCode());
        if (onList.isEmpty()) {
            errors.put("enterprise", "企业不在任何镇街的转贷企业名录中，请先向所在镇街申请列入名录");
        }
        OrganisationView bank = a.bankId() == null ? null : organisations.find(a.bankId()).orElse(null);
        if (bank == null || bank.institutionType() != InstitutionType.BANK) {
            errors.put("bankId", "请选择办理续贷的银行");
        }
        if (a.oldLoanNumber() == null || a.oldLoanNumber().isBlank() || a.oldLoanNumber().strip().length() > 64) {
            errors.put("oldLoanNumber", "请填写到期贷款的借据号（不超过64个字符）");
        }
        if (a.oldLoanMaturity() == null) {
            errors.put("oldLoanMaturity", "请填写到期贷款的到期日");
        } else if (a.oldLoanMaturity().isBefore(today())) {
            errors.put("oldLoanMaturity", "贷款已于 " + a.oldLoanMaturity() + " 到期，转贷须在到期前申请");
        }
        if (a.amountFen() == null || a.amountFen() < minFen || a.amountFen() > maxFen) {
            errors.put("amount", "转贷金额须在 " + Yuan.grouped(minFen) + " 至 " + Yuan.grouped(maxFen) + " 之间");
        }
        if (!errors.isEmpty()) {
            fail(user, "APPLY_BRIDGE", "bridge:new", String.join("；", errors.values()));
            throw new InvalidRequestException(errors);
        }
        Listed listing = onList.getFirst();
        UUID fundOrg = jdbc.sql("SELECT listed_by_org FROM riskshare.bridge_town_list WHERE town = ? AND "
                + "enterprise_credit_code = ?").params(listing.town(), me.creditCode()).query(UUID.class).single();
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("""
                    INSERT INTO riskshare.bridge_loan (id, enterprise_org, enterprise_credit_code, enterprise_name, town,
                        fund_org, bank_org, bank_name, old_loan_number, old_loan_maturity, amount_fen, status,
                        applied_by, applied_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'APPLIED', ?, ?)""")
                    .params(id, me.id(), me.creditCode(), me.name(), listing.town(), fundOrg, bank.id(), bank.name(),
                            a.oldLoanNumber().strip(), Date.valueOf(a.oldLoanMaturity()), a.amountFen(),
                            user.username(), Timestamp.from(clock.instant())).update();
        } catch (DuplicateKeyException e) {
            String why = "已有一笔办理中的转贷，不能同时申请两笔";
            fail(user, "APPLY_BRIDGE", "bridge:new", why);
            throw InvalidRequestException.conflict("enterprise", why);
        }
        audit.record(user.username(), user.organisationId(), "APPLY_BRIDGE", target(id), Outcome.SUCCESS,
                bank.name() + " " + Yuan.grouped(a.amountFen()));
        tell(bank.id(), "转贷申请：" + me.name(), me.name() + " 申请转贷 " + Yuan.grouped(a.amountFen()) + "，用于归还贵行 "
                + a.oldLoanMaturity() + " 到期的贷款，请审核并出具续贷承诺。", id);
        return id;
    }

    /** The bank commits to renew the loan (续贷承诺), or declines with a reason. */
    @Transactional
    public void commit(UUID id, boolean renew, @Nullable String reason, SignedInUser user) {
        Bridge b = forBank(id, user, "COMMIT_BRIDGE");
        if (b.status() != Status.APPLIED) {
            conflict(user, "COMMIT_BRIDGE", id, "该转贷" + b.status().label() + "，不是待承诺状态");
        }
        if (!renew && (reason == null || reason.isBlank())) {
            fail(user, "COMMIT_BRIDGE", target(id), "未说明原因");
            throw new InvalidRequestException("reason", "不予承诺须说明原因");
        }
        jdbc.sql("UPDATE riskshare.bridge_loan SET status = ?, committed_by = ?, committed_at = ?, decline_reason = ? "
                + "WHERE id = ?").params(renew ? "COMMITTED" : "DECLINED", user.username(),
                        Timestamp.from(clock.instant()), renew ? null : reason.strip(), id).update();
        audit.record(user.username(), user.organisationId(), "COMMIT_BRIDGE", target(id), Outcome.SUCCESS,
                renew ? "承诺续贷" : "不予承诺：" + reason.strip());
        if (renew) {
            tell(b.fundOrg(), "转贷待放款：" + b.enterpriseName(), b.bankName() + " 已承诺续贷，" + b.enterpriseName()
                    + " 申请转贷 " + Yuan.grouped(b.amountFen()) + "。", id);
        }
        tell(b.enterpriseOrg(), renew ? "银行已承诺续贷" : "银行未承诺续贷", renew ? b.bankName()
                + " 已出具续贷承诺，转贷资金将按规定放款。" : b.bankName() + " 未承诺续贷：" + reason.strip(), id);
    }

    /**
     * The fund lends (on {@code on}, default today; an earlier day records a lending made before it was entered):
     * due within the configured working days; the fund's cash may not go below zero.
     */
    @Transactional
    public void lend(UUID id, @Nullable LocalDate on, SignedInUser user) {
        Bridge b = forFund(id, user, "LEND_BRIDGE");
        if (b.status() != Status.COMMITTED) {
            conflict(user, "LEND_BRIDGE", id, "该转贷" + b.status().label() + "，须银行承诺续贷后才能放款");
        }
        LocalDate today = on == null ? today() : on;
        LocalDate applied = LocalDate.ofInstant(b.appliedAt(), CHINA);
        if (today.isAfter(today()) || today.isBefore(applied.minusDays(31))) {
            fail(user, "LEND_BRIDGE", target(id), "放款日期不合理");
            throw new InvalidRequestException("lentOn", "放款日期不能晚于今天，也不能早于申请日一个月以上");
        }
        LocalDate due = calendar.addWorkingDays(today, maxWorkingDays);
        AccountRef cash = cash();
        AccountRef loan = open("loan:" + id, "转贷占用：" + b.enterpriseName(), AccountKind.ASSET, true);
        try {
            ledger.post(new JournalEntry("bridge:" + id + ":lend", today, "转贷放款：" + b.enterpriseName(),
                    List.of(debit(loan, b.amountFen()), credit(cash, b.amountFen()))), user.username());
        } catch (InsufficientBalanceException e) {
            String why = "转贷资金可用余额 " + Yuan.grouped(e.balanceFen()) + "，不足放款 " + Yuan.grouped(b.amountFen());
            fail(user, "LEND_BRIDGE", target(id), why);
            throw InvalidRequestException.conflict("amount", why);
        }
        jdbc.sql("UPDATE riskshare.bridge_loan SET status = 'LENT', lent_on = ?, due_on = ?, lent_by = ? WHERE id = ?")
                .params(Date.valueOf(today), Date.valueOf(due), user.username(), id).update();
        audit.record(user.username(), user.organisationId(), "LEND_BRIDGE", target(id), Outcome.SUCCESS,
                Yuan.grouped(b.amountFen()) + "，" + maxWorkingDays + " 个工作日内（" + due + " 前）归还");
        String body = "转贷资金 " + Yuan.grouped(b.amountFen()) + " 已于 " + today + " 放款，须在 " + due + "（"
                + maxWorkingDays + " 个工作日）内续贷并归还。";
        tell(b.bankOrg(), "转贷已放款，请办理续贷：" + b.enterpriseName(), body, id);
        tell(b.enterpriseOrg(), "转贷已放款", body, id);
    }

    /** The bank renewed the loan (new loan number), or says it will not. */
    @Transactional
    public void renew(UUID id, boolean renewed, @Nullable String newLoanNumber, SignedInUser user) {
        Bridge b = forBank(id, user, "RENEW_BRIDGE");
        if (b.status() != Status.LENT) {
            conflict(user, "RENEW_BRIDGE", id, "该转贷" + b.status().label() + "，不是待续贷状态");
        }
        if (renewed && (newLoanNumber == null || newLoanNumber.isBlank() || newLoanNumber.strip().length() > 64)) {
            fail(user, "RENEW_BRIDGE", target(id), "未填写续贷借据号");
            throw new InvalidRequestException("newLoanNumber", "请填写续贷借据号（不超过64个字符）");
        }
        jdbc.sql("UPDATE riskshare.bridge_loan SET status = ?, new_loan_number = ?, renewed_on = ? WHERE id = ?")
                .params(renewed ? "RENEWED" : "NOT_RENEWED", renewed ? newLoanNumber.strip() : null,
                        renewed ? Date.valueOf(today()) : null, id).update();
        audit.record(user.username(), user.organisationId(), "RENEW_BRIDGE", target(id), Outcome.SUCCESS,
                renewed ? "已续贷 " + newLoanNumber.strip() : "不续贷");
        tell(b.fundOrg(), renewed ? "银行已续贷：" + b.enterpriseName() : "银行不续贷：" + b.enterpriseName(),
                b.bankName() + (renewed ? " 已续贷，请收回转贷资金。" : " 表示不续贷，转贷资金须另行收回。"), id);
    }

    /** The fund is repaid: principal and fee into its cash, the bridge closed. */
    @Transactional
    public long repaid(UUID id, @Nullable LocalDate on, SignedInUser user) {
        Bridge b = forFund(id, user, "REPAY_BRIDGE");
        if (b.status() != Status.RENEWED && b.status() != Status.NOT_RENEWED && b.status() != Status.LENT) {
            conflict(user, "REPAY_BRIDGE", id, "该转贷" + b.status().label() + "，没有待归还的转贷资金");
        }
        LocalDate day = on == null ? today() : on;
        if (day.isAfter(today()) || day.isBefore(b.lentOn())) {
            fail(user, "REPAY_BRIDGE", target(id), "归还日期不在放款日与今天之间");
            throw new InvalidRequestException("repaidOn", "归还日期须在放款日 " + b.lentOn() + " 与今天之间");
        }
        long days = Math.max(1, ChronoUnit.DAYS.between(b.lentOn(), day));
        long fee = fee(b.amountFen(), dailyRate, days);
        List<JournalEntry.Line> lines = new ArrayList<>();
        lines.add(debit(cash(), b.amountFen() + fee));
        lines.add(credit(new AccountRef(BOOK, "loan:" + id), b.amountFen()));
        if (fee > 0) {
            lines.add(credit(open("fee-income", "转贷服务费收入", AccountKind.INCOME, false), fee));
        }
        ledger.post(new JournalEntry("bridge:" + id + ":repay", day, "转贷归还：" + b.enterpriseName(), lines),
                user.username());
        jdbc.sql("UPDATE riskshare.bridge_loan SET status = 'REPAID', repaid_on = ?, fee_fen = ?, daily_rate = ?, "
                + "repaid_by = ? WHERE id = ?").params(Date.valueOf(day), fee, dailyRate, user.username(), id).update();
        audit.record(user.username(), user.organisationId(), "REPAY_BRIDGE", target(id), Outcome.SUCCESS,
                Yuan.grouped(b.amountFen()) + " + 服务费 " + Yuan.grouped(fee) + "（" + days + " 天 × "
                        + dailyRate.toPlainString() + "）" + (day.isAfter(b.dueOn()) ? "，逾期归还" : ""));
        tell(b.enterpriseOrg(), "转贷已归还", "转贷资金 " + Yuan.grouped(b.amountFen()) + " 及服务费 " + Yuan.grouped(fee)
                + " 已归还，转贷办结。", id);
        return fee;
    }

    /** Government puts money into the bridge fund. */
    @Transactional
    public void fund(@Nullable Long amountFen, SignedInUser user) {
        requireGov(user, "FUND_BRIDGE");
        if (amountFen == null || amountFen <= 0) {
            fail(user, "FUND_BRIDGE", BOOK, "金额不大于零");
            throw new InvalidRequestException("amount", "注资金额须大于零");
        }
        ledger.post(new JournalEntry(BOOK + ":fund:" + UUID.randomUUID(), today(), "转贷资金注资", List.of(
                debit(cash(), amountFen), credit(open("funder:" + user.organisationId(), "出资：" + user.organisationName(),
                        AccountKind.EQUITY, false), amountFen))), user.username());
        audit.record(user.username(), user.organisationId(), "FUND_BRIDGE", BOOK, Outcome.SUCCESS,
                Yuan.grouped(amountFen));
    }

    /** The fee: amount × daily rate × days, rounded half up to the fen once. */
    public static long fee(long amountFen, BigDecimal dailyRate, long days) {
        return BigDecimal.valueOf(amountFen).multiply(dailyRate).multiply(BigDecimal.valueOf(days))
                .setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    // ---- reading ----------------------------------------------------------------------------------------------

    /** What the user may see: government all, a bank its own, an enterprise its own. */
    @Transactional(readOnly = true)
    public List<Bridge> bridges(SignedInUser user) {
        String where = user.hasRole(Role.GOV) || user.hasRole(Role.ADMIN) ? "true"
                : user.hasRole(Role.INSTITUTION) ? "bank_org = ?" : "enterprise_org = ?";
        var q = jdbc.sql("SELECT * FROM riskshare.bridge_loan WHERE " + where + " ORDER BY applied_at DESC LIMIT 500");
        if (!where.equals("true")) {
            q = q.param(user.organisationId());
        }
        return q.query(this::bridge).list();
    }

    @Transactional(readOnly = true)
    public Bridge bridge(UUID id, SignedInUser user) {
        Bridge b = find(id).orElseThrow(BridgeNotFound::new);
        if (!(user.hasRole(Role.GOV) || user.hasRole(Role.ADMIN) || b.bankOrg().equals(user.organisationId())
                || b.enterpriseOrg().equals(user.organisationId()))) {
            throw new BridgeNotFound();
        }
        return b;
    }

    @Transactional(readOnly = true)
    public FundFigures figures() {
        long cash = 0;
        long lent = 0;
        long fees = 0;
        long funded = 0;
        for (var b : ledger.balances(BOOK)) {
            String code = b.account().ref().code();
            if (code.equals("cash")) {
                cash = b.balanceFen();
            } else if (code.startsWith("loan:")) {
                lent += b.balanceFen();
            } else if (code.equals("fee-income")) {
                fees = b.balanceFen();
            } else if (code.startsWith("funder:")) {
                funded += b.balanceFen();
            }
        }
        return new FundFigures(cash, lent, fees, funded);
    }

    // ---- internals --------------------------------------------------------------------------------------------

    private Optional<Bridge> find(UUID id) {
        return jdbc.sql("SELECT * FROM riskshare.bridge_loan WHERE id = ?").param(id).query(this::bridge).optional();
    }

    private Bridge lockedFor(UUID id) {
        return jdbc.sql("SELECT * FROM riskshare.bridge_loan WHERE id = ? FOR UPDATE").param(id).query(this::bridge)
                .optional().orElseThrow(BridgeNotFound::new);
    }

    private Bridge forBank(UUID id, SignedInUser user, String action) {
        Bridge b = lockedFor(id);
        if (!user.hasRole(Role.INSTITUTION) || !b.bankOrg().equals(user.organisationId())) {
            audit.recordIndependently(user.username(), user.organisationId(), action, target(id), Outcome.DENIED,
                    "非办理续贷的银行");
            if (user.hasRole(Role.GOV) || b.enterpriseOrg().equals(user.organisationId())) {
                throw new AccessDeniedException("只有办理续贷的银行可以办理");
            }
            throw new BridgeNotFound();
        }
        return b;
    }

    private Bridge forFund(UUID id, SignedInUser user, String action) {
        Bridge b = lockedFor(id);
        if (!user.hasRole(Role.GOV)) {
            audit.recordIndependently(user.username(), user.organisationId(), action, target(id), Outcome.DENIED,
                    "非转贷资金管理部门");
            if (b.bankOrg().equals(user.organisationId()) || b.enterpriseOrg().equals(user.organisationId())) {
                throw new AccessDeniedException("只有转贷资金管理部门可以办理");
            }
            throw new BridgeNotFound();
        }
        return b;
    }

    private void requireGov(SignedInUser user, String action) {
        if (!user.hasRole(Role.GOV)) {
            audit.recordIndependently(user.username(), user.organisationId(), action, BOOK, Outcome.DENIED, "非政府部门");
            throw new AccessDeniedException("只有政府部门可以办理");
        }
    }

    private void conflict(SignedInUser user, String action, UUID id, String why) {
        fail(user, action, target(id), why);
        throw InvalidRequestException.conflict("status", why);
    }

    private void fail(SignedInUser user, String action, String target, String why) {
        audit.recordIndependently(user.username(), user.organisationId(), action, target, Outcome.FAILURE, why);
    }

    private void tell(UUID organisation, String title, String body, UUID bridge) {
        inbox.send(Notice.of(Notice.Recipient.organisation(organisation), CATEGORY, title.length() > 100
                ? title.substring(0, 100) : title, body).linkTo("/riskshare/bridge#bridge-" + bridge)
                .about("bridge:" + bridge));
    }

    private Optional<OrganisationView> enterpriseByCode(String code) {
        return organisations.search(code, OrganisationKind.ENTERPRISE, null, 0, 1).items().stream()
                .filter(o -> code.equals(o.creditCode())).findFirst();
    }

    private AccountRef cash() {
        return open("cash", "转贷资金可用余额", AccountKind.ASSET, true);
    }

    private AccountRef open(String code, String name, AccountKind kind, boolean nonNegative) {
        return ledger.open(new Account(new AccountRef(BOOK, code), name, kind, nonNegative)).ref();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }

    static String target(UUID id) {
        return "bridge:" + id;
    }

    private Bridge bridge(ResultSet rs, int n) throws SQLException {
        Status status = Status.valueOf(rs.getString("status"));
        LocalDate due = date(rs, "due_on");
        boolean open = status == Status.LENT || status == Status.RENEWED || status == Status.NOT_RENEWED;
        boolean overdue = open && due != null && today().isAfter(due);
        boolean notRenewed = status == Status.NOT_RENEWED || (status == Status.LENT && overdue);
        return new Bridge(rs.getObject("id", UUID.class), rs.getObject("enterprise_org", UUID.class),
                rs.getString("enterprise_credit_code"), rs.getString("enterprise_name"), rs.getString("town"),
                rs.getObject("fund_org", UUID.class), rs.getObject("bank_org", UUID.class), rs.getString("bank_name"),
                rs.getString("old_loan_number"), rs.getDate("old_loan_maturity").toLocalDate(),
                rs.getLong("amount_fen"), status, rs.getString("applied_by"),
                rs.getTimestamp("applied_at").toInstant(), rs.getString("committed_by"),
                rs.getString("decline_reason"), date(rs, "lent_on"), due, rs.getString("new_loan_number"),
                date(rs, "renewed_on"), date(rs, "repaid_on"), rs.getObject("fee_fen", Long.class),
                rs.getBigDecimal("daily_rate"), overdue, notRenewed);
    }

    private static @Nullable LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private static final class BridgeNotFound extends NotFoundException {
        BridgeNotFound() {
            super("转贷记录不存在");
        }
    }
}
