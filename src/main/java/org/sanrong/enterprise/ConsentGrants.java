package org.sanrong.enterprise;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.audit.AuditEntry.Outcome;
import org.sanrong.audit.AuditTrail;
import org.sanrong.identity.InstitutionType;
import org.sanrong.identity.Organisation;
import org.sanrong.identity.OrganisationKind;
import org.sanrong.identity.OrganisationRegistry;
import org.sanrong.identity.SignedInUser;
import org.sanrong.platform.InvalidRequestException;
import org.sanrong.platform.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 授权: an enterprise grants and revokes access to its private profile. Only the enterprise itself may. */
@Service
public class ConsentGrants {

    static final int MAX_YEARS = 3;

    private final Enterprises enterprises;
    private final OrganisationRegistry registry;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final Clock clock;

    ConsentGrants(Enterprises enterprises, OrganisationRegistry registry, AuditTrail audit,
            ApplicationEventPublisher events, JdbcClient jdbc, Clock clock) {
        this.enterprises = enterprises;
        this.registry = registry;
        this.audit = audit;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Grants one institution ({@code granteeOrganisationId}) or every institution of a type
     * ({@code granteeType}) access for a purpose and period (at most three years).
     */
    @Transactional
    public UUID grant(String creditCode, @Nullable UUID granteeOrganisationId, @Nullable InstitutionType granteeType,
            @Nullable String purpose, @Nullable LocalDate validFrom, @Nullable LocalDate validUntil,
            SignedInUser actor) {
        Enterprise enterprise = owned(creditCode, actor);
        LocalDate today = LocalDate.now(clock);
        Map<String, String> errors = new LinkedHashMap<>();
        if ((granteeOrganisationId == null) == (granteeType == null)) {
            errors.put("grantee", "请选择一家金融机构，或一类金融机构");
        } else if (granteeOrganisationId != null) {
            var grantee = registry.find(granteeOrganisationId);
            if (grantee.isEmpty() || grantee.get().kind() != OrganisationKind.INSTITUTION
                    || grantee.get().status() != Organisation.Status.ACTIVE) {
                errors.put("grantee", "只能授权给平台上正常状态的金融机构");
            }
        }
        if (purpose == null || purpose.isBlank()) {
            errors.put("purpose", "请填写授权用途，如“贷款审批”");
        } else if (purpose.strip().length() > 200) {
            errors.put("purpose", "授权用途不能超过200个字");
        }
        LocalDate from = validFrom == null ? today : validFrom;
        if (validUntil == null) {
            errors.put("validUntil", "请填写授权截止日期");
        } else if (validUntil.isBefore(from) || validUntil.isBefore(today)) {
            errors.put("validUntil", "截止日期不能早于起始日期或今天");
        } else if (validUntil.isAfter(from.plusYears(MAX_YEARS))) {
            errors.put("validUntil", "单次授权期限不超过" + MAX_YEARS + "年");
        }
        if (from.isBefore(today)) {
            errors.put("validFrom", "起始日期不能早于今天");
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO enterprise.consent_grant (id, enterprise_id, grantee_organisation_id,
                    grantee_institution_type, purpose, valid_from, valid_until, granted_at, granted_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, enterprise.id().value(), granteeOrganisationId,
                        granteeType == null ? null : granteeType.name(), purpose.strip(), Date.valueOf(from),
                        Date.valueOf(validUntil), Timestamp.from(clock.instant()), actor.username())
                .update();
        audit.record("GRANT_CONSENT", target(creditCode), Outcome.SUCCESS,
                (granteeOrganisationId != null ? "org:" + granteeOrganisationId : "type:" + granteeType)
                        + " 至 " + validUntil);
        events.publishEvent(new ConsentGranted(id, creditCode, granteeOrganisationId,
                granteeType == null ? null : granteeType.name(), validUntil));
        return id;
    }

    @Transactional
    public void revoke(String creditCode, UUID grantId, SignedInUser actor) {
        Enterprise enterprise = owned(creditCode, actor);
        int changed = jdbc.sql("""
                UPDATE enterprise.consent_grant SET revoked_at = ?, revoked_by = ?
                WHERE id = ? AND enterprise_id = ? AND revoked_at IS NULL""")
                .params(Timestamp.from(clock.instant()), actor.username(), grantId, enterprise.id().value())
                .update();
        if (changed == 0) {
            throw new NotFoundException("授权不存在或已撤销");
        }
        audit.record("REVOKE_CONSENT", target(creditCode), Outcome.SUCCESS, "grant:" + grantId);
        events.publishEvent(new ConsentRevoked(grantId, creditCode));
    }

    @Transactional(readOnly = true)
    public List<ConsentGrant> of(String creditCode, SignedInUser actor) {
        Enterprise enterprise = owned(creditCode, actor);
        return jdbc.sql("""
                SELECT g.*, o.name AS grantee_name FROM enterprise.consent_grant g
                LEFT JOIN identity.organisation o ON o.id = g.grantee_organisation_id
                WHERE g.enterprise_id = ? ORDER BY g.granted_at DESC""")
                .param(enterprise.id().value())
                .query((rs, n) -> new ConsentGrant(rs.getObject("id", UUID.class),
                        rs.getObject("grantee_organisation_id", UUID.class), rs.getString("grantee_name"),
                        rs.getString("grantee_institution_type"), rs.getString("purpose"),
                        rs.getDate("valid_from").toLocalDate(), rs.getDate("valid_until").toLocalDate(),
                        rs.getTimestamp("granted_at").toInstant(), rs.getString("granted_by"),
                        rs.getTimestamp("revoked_at") == null ? null : rs.getTimestamp("revoked_at").toInstant()))
                .list();
    }

    /** Whether the institution holds a live grant today, for itself or for its type. */
    boolean liveGrantFor(Enterprise.Id enterprise, UUID organisation, @Nullable InstitutionType type) {
        Date today = Date.valueOf(LocalDate.now(clock));
        return jdbc.sql("""
                SELECT count(*) FROM enterprise.consent_grant WHERE enterprise_id = ? AND revoked_at IS NULL
                AND valid_from <= ? AND valid_until >= ?
                AND (grantee_organisation_id = ? OR grantee_institution_type = ?)""")
                .params(enterprise.value(), today, today, organisation, type == null ? null : type.name())
                .query(Long.class).single() > 0;
    }

    /** Credit codes of the enterprises whose live grant today covers this institution (by name or by type). */
    @Transactional(readOnly = true)
    public java.util.Set<String> consentingTo(UUID organisation, @Nullable InstitutionType type) {
        Date today = Date.valueOf(LocalDate.now(clock));
        return new java.util.HashSet<>(jdbc.sql("""
                SELECT DISTINCT e.credit_code FROM enterprise.consent_grant g
                JOIN enterprise.enterprise e ON e.id = g.enterprise_id
                WHERE g.revoked_at IS NULL AND g.valid_from <= ? AND g.valid_until >= ?
                AND (g.grantee_organisation_id = ? OR g.grantee_institution_type = ?)""")
                .params(today, today, organisation, type == null ? null : type.name())
                .query(String.class).list());
    }

    private Enterprise owned(String creditCode, SignedInUser actor) {
        Enterprise enterprise = enterprises.findByCreditCode(creditCode)
                .orElseThrow(() -> new NotFoundException("企业不存在"));
        if (!actor.organisationId().equals(enterprise.organisationId())) {
            throw new AccessDeniedException("只有企业本身可以管理授权");
        }
        return enterprise;
    }

    static String target(String creditCode) {
        return "enterprise:" + creditCode;
    }
}
