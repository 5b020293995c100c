package org.sanrong.datahub;

import java.util.Optional;
import org.sanrong.audit.AuditEntry.Outcome;
import org.sanrong.audit.AuditTrail;
import org.sanrong.enterprise.ConsentGrants;
import org.sanrong.enterprise.EnterpriseSnapshot;
import org.sanrong.enterprise.EnterpriseSnapshots;
import org.sanrong.identity.InstitutionType;
import org.sanrong.identity.OrganisationRegistry;
import org.sanrong.identity.Role;
import org.sanrong.identity.SignedInUser;
import org.sanrong.platform.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may read an enterprise's non-public data (hub data, credit profile): the enterprise itself, government and
 * operator staff, and an institution holding a live consent grant of the enterprise ({@link ConsentGrants}).
 * {@link #require} decides and audits: every read by someone other than the enterprise is written to the trail
 * with the action named by the caller, a refusal too (in its own transaction, so it stays).
 */
@Component
public class DataAccess {

    /** Why the reader may see the data. */
    public enum Access {
        OWNER, OFFICIAL, GRANTED
    }

    private final EnterpriseSnapshots enterprises;
    private final ConsentGrants consents;
    private final OrganisationRegistry registry;
    private final AuditTrail audit;

    DataAccess(EnterpriseSnapshots enterprises, ConsentGrants consents, OrganisationRegistry registry,
            AuditTrail audit) {
        this.enterprises = enterprises;
        this.consents = consents;
        this.registry = registry;
        this.audit = audit;
    }

    /** Decides without auditing; empty when the reader may not see the data. */
    public Optional<Access> of(String creditCode, SignedInUser user) {
        EnterpriseSnapshot e = enterprises.of(creditCode).orElseThrow(() -> new NotFoundException("企业不存在"));
        if (user.organisationId().equals(e.organisationId())) {
            return Optional.of(Access.OWNER);
        }
        if (user.hasRole(Role.GOV) || user.hasRole(Role.ADMIN)) {
            return Optional.of(Access.OFFICIAL);
        }
        if (user.hasRole(Role.INSTITUTION)) {
            InstitutionType type = registry.find(user.organisationId()).map(o -> o.institutionType()).orElse(null);
            if (consents.consentingTo(user.organisationId(), type).contains(creditCode)) {
                return Optional.of(Access.GRANTED);
            }
        }
        return Optional.empty();
    }

    /**
     * Decides and audits the read ({@code action}, target {@code enterprise:<code>}); throws
     * {@link AccessDeniedException} when the reader may not see the data.
     */
    public Access require(String creditCode, SignedInUser user, String action) {
        Access access = of(creditCode, user).orElse(null);
        String target = "enterprise:" + creditCode;
        if (access == null) {
            audit.recordIndependently(user.username(), user.organisationId(), action, target, Outcome.DENIED,
                    "无有效授权");
            throw new AccessDeniedException("未获企业授权，不能查看其非公开数据");
        }
        if (access != Access.OWNER) {
            audit.record(user.username(), user.organisationId(), action, target, Outcome.SUCCESS,
                    access + " " + user.organisationName());
        }
        return access;
    }
}
