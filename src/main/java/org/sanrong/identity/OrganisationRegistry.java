package org.sanrong.identity;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.sanrong.audit.AuditEntry.Outcome;
import org.sanrong.audit.AuditTrail;
import org.sanrong.identity.Organisation.Contact;
import org.sanrong.platform.InvalidRequestException;
import org.sanrong.platform.NotFoundException;
import org.sanrong.platform.ResultPage;
import org.sanrong.reference.UnifiedSocialCreditCode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers, approves, disables and finds organisations. */
@Service
public class OrganisationRegistry {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

    private final Organisations organisations;
    private final Accounts accounts;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final SignedInSessions sessions;

    OrganisationRegistry(Organisations organisations, Accounts accounts, PasswordEncoder passwords, AuditTrail audit,
            ApplicationEventPublisher events, JdbcClient jdbc, Clock clock, SignedInSessions sessions) {
        this.sessions = sessions;
        this.organisations = organisations;
        this.accounts = accounts;
        this.passwords = passwords;
        this.audit = audit;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Registers an enterprise (active at once) or an institution (pending until an operator approves) with its
     * first account, which administers the organisation. All or nothing: on any problem nothing is saved and every
     * field's problem is reported.
     */
    @Transactional
    public UUID register(Registration r) {
        Map<String, String> errors = problemsOf(r);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        String name = r.organisationName().strip();
        String code = UnifiedSocialCreditCode.normalise(r.creditCode());
        String contactName = r.contactName().strip();
        String mobile = r.contactMobile().strip();
        Contact contact = new Contact(contactName, mobile);
        UnifiedSocialCreditCode uscc = new UnifiedSocialCreditCode(code);
        Organisation organisation = r.institutionType() == null
                ? Organisation.registerEnterprise(name, uscc, contact, clock.instant())
                : Organisation.registerInstitution(name, r.institutionType(), uscc, contact, clock.instant());
        Account first = Account.open(organisation, new Username(r.username()), r.displayName().strip(), mobile,
                passwords.encode(r.password()), true, clock.instant());
        try {
            organisations.insert(organisation);
            accounts.insert(first);
        } catch (DuplicateKeyException raced) {
            throw InvalidRequestException.conflict("creditCode", "该统一社会信用代码或用户名刚被注册，请刷新后重试");
        }
        audit.record(first.username().value(), organisation.id().value(), "REGISTER_ORGANISATION",
                "organisation:" + organisation.id(), Outcome.SUCCESS, organisation.kind() + " " + name);
        events.publishEvent(new OrganisationRegistered(organisation.id().value(), organisation.kind(),
                organisation.institutionType(), name, code));
        return organisation.id().value();
    }

    /** Every problem of a registration, by field; empty when it may be saved. Saves nothing. */
    @Transactional(readOnly = true)
    public Map<String, String> problemsOf(Registration r) {
        Map<String, String> errors = new LinkedHashMap<>();
        required(errors, "organisationName", r.organisationName(), 100, "组织名称");
        String code = UnifiedSocialCreditCode.normalise(nullToEmpty(r.creditCode()));
        if (code.isEmpty()) {
            errors.put("creditCode", "请填写统一社会信用代码");
        } else {
            UnifiedSocialCreditCode.check(code).ifPresent(v -> errors.put("creditCode", v.message()));
        }
        required(errors, "contactName", r.contactName(), 50, "联系人");
        if (!MOBILE.matcher(nullToEmpty(r.contactMobile()).strip()).matches()) {
            errors.put("contactMobile", "请填写11位手机号码");
        }
        checkNewAccount(errors, r.username(), r.displayName(), r.password());
        if (!errors.containsKey("creditCode") && organisations.existsByCreditCode(code)) {
            errors.put("creditCode", "该统一社会信用代码已注册，如需加入该组织请联系其管理员邀请");
        }
        return errors;
    }

    /** An operator sets up a government department (or another operator) with its first account. */
    @Transactional
    public UUID establish(OrganisationKind kind, String organisationName, @Nullable String creditCode, String username,
            String displayName, String password, String operator) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = required(errors, "organisationName", organisationName, 100, "组织名称");
        UnifiedSocialCreditCode code = null;
        if (creditCode != null && !creditCode.isBlank()) {
            String normalised = UnifiedSocialCreditCode.normalise(creditCode);
            UnifiedSocialCreditCode.check(normalised).ifPresent(v -> errors.put("creditCode", v.message()));
            if (!errors.containsKey("creditCode")) {
                code = new UnifiedSocialCreditCode(normalised);
                if (organisations.existsByCreditCode(normalised)) {
                    errors.put("creditCode", "该统一社会信用代码已注册");
                }
            }
        }
        checkNewAccount(errors, username, displayName, password);
        if (kind == OrganisationKind.ENTERPRISE || kind == OrganisationKind.INSTITUTION) {
            errors.put("kind", "企业和金融机构须自行注册");
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        Organisation organisation = Organisation.establish(kind, name, code, Contact.none(), clock.instant(),
                operator);
        Account first = Account.open(organisation, new Username(username), displayName.strip(), null,
                passwords.encode(password), true, clock.instant());
        organisations.insert(organisation);
        accounts.insert(first);
        audit.record("ESTABLISH_ORGANISATION", "organisation:" + organisation.id(), Outcome.SUCCESS,
                kind + " " + name);
        events.publishEvent(new OrganisationRegistered(organisation.id().value(), kind, null, name,
                code == null ? null : code.value()));
        return organisation.id().value();
    }

    @Transactional
    public void approve(UUID id, String operator) {
        Organisation organisation = load(id);
        try {
            organisation.approve(operator, clock.instant());
        } catch (IllegalStateException e) {
            throw new InvalidRequestException(e.getMessage());
        }
        organisations.update(organisation);
        audit.record("APPROVE_ORGANISATION", "organisation:" + id, Outcome.SUCCESS, organisation.name());
        events.publishEvent(new OrganisationApproved(id, organisation.name(), operator));
    }

    @Transactional
    public void disable(UUID id) {
        Organisation organisation = load(id);
        try {
            organisation.disable();
        } catch (IllegalStateException e) {
            throw new InvalidRequestException(e.getMessage());
        }
        organisations.update(organisation);
        audit.record("DISABLE_ORGANISATION", "organisation:" + id, Outcome.SUCCESS, organisation.name());
        sessions.end(u -> u.organisationId().equals(id));
    }

    @Transactional
    public void enable(UUID id) {
        Organisation organisation = load(id);
        try {
            organisation.enable();
        } catch (IllegalStateException e) {
            throw new InvalidRequestException(e.getMessage());
        }
        organisations.update(organisation);
        audit.record("ENABLE_ORGANISATION", "organisation:" + id, Outcome.SUCCESS, organisation.name());
    }

    @Transactional(readOnly = true)
    public Optional<OrganisationView> find(UUID id) {
        return organisations.find(new Organisation.Id(id))
                .map(o -> OrganisationView.of(o, accounts.ofOrganisation(o.id()).size()));
    }

    /** Organisations matching a name or credit-code fragment, kind and status, newest first. */
    @Transactional(readOnly = true)
    public ResultPage<OrganisationView> search(@Nullable String text, @Nullable OrganisationKind kind,
            Organisation.@Nullable Status status, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE true");
        List<Object> params = new ArrayList<>();
        if (text != null && !text.isBlank()) {
            where.append(" AND (o.name ILIKE ? OR o.credit_code = ?)");
            params.add("%" + escapeLike(text.strip()) + "%");
            params.add(UnifiedSocialCreditCode.normalise(text));
        }
        if (kind != null) {
            where.append(" AND o.kind = ?");
            params.add(kind.name());
        }
        if (status != null) {
            where.append(" AND o.status = ?");
            params.add(status.name());
        }
        long total = jdbc.sql("SELECT count(*) FROM identity.organisation o" + where).params(params)
                .query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<OrganisationView> rows = jdbc.sql("""
                SELECT o.*, (SELECT count(*) FROM identity.account a WHERE a.organisation_id = o.id) AS accounts
                FROM identity.organisation o""" + where + " ORDER BY o.registered_at DESC, o.name LIMIT ? OFFSET ?")
                .params(pageParams)
                .query((rs, n) -> OrganisationView.of(organisations.map(rs, n), rs.getLong("accounts")))
                .list();
        return new ResultPage<>(rows, page, size, total);
    }

    /** How many organisations there are of each kind and status; for dashboards. */
    @Transactional(readOnly = true)
    public Map<OrganisationKind, Map<Organisation.Status, Long>> census() {
        Map<OrganisationKind, Map<Organisation.Status, Long>> census = new LinkedHashMap<>();
        for (OrganisationKind k : OrganisationKind.values()) {
            Map<Organisation.Status, Long> byStatus = new LinkedHashMap<>();
            for (Organisation.Status s : Organisation.Status.values()) {
                byStatus.put(s, 0L);
            }
            census.put(k, byStatus);
        }
        jdbc.sql("SELECT kind, status, count(*) AS n FROM identity.organisation GROUP BY kind, status")
                .query(rs -> {
                    census.get(OrganisationKind.valueOf(rs.getString("kind")))
                            .put(Organisation.Status.valueOf(rs.getString("status")), rs.getLong("n"));
                });
        return census;
    }

    /** Active institutions of each type; for the enterprise's home page. */
    @Transactional(readOnly = true)
    public Map<InstitutionType, Long> activeInstitutionsByType() {
        Map<InstitutionType, Long> counts = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT institution_type, count(*) AS n FROM identity.organisation
                WHERE kind = 'INSTITUTION' AND status = 'ACTIVE' GROUP BY institution_type ORDER BY n DESC""")
                .query(rs -> {
                    counts.put(InstitutionType.valueOf(rs.getString("institution_type")), rs.getLong("n"));
                });
        return counts;
    }

    private Organisation load(UUID id) {
        return organisations.findForUpdate(new Organisation.Id(id))
                .orElseThrow(() -> new NotFoundException("组织不存在"));
    }

    /** The rules every new account obeys, whether self-registered, established or invited. */
    void checkNewAccount(Map<String, String> errors, @Nullable String username, @Nullable String displayName,
            @Nullable String password) {
        if (username == null || !Username.isValid(username)) {
            errors.put("username", Username.RULE_MESSAGE);
        } else if (accounts.existsByUsername(new Username(username))) {
            errors.put("username", "用户名已被使用");
        }
        required(errors, "displayName", displayName, 50, "姓名");
        PasswordPolicy.check(password == null ? "" : password).ifPresent(m -> errors.put("password", m));
    }

    static String required(Map<String, String> errors, String field, @Nullable String value, int max, String label) {
        String v = nullToEmpty(value).strip();
        if (v.isEmpty()) {
            errors.put(field, "请填写" + label);
        } else if (v.length() > max) {
            errors.put(field, label + "不能超过" + max + "个字");
        }
        return v;
    }

    static String nullToEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }

    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
