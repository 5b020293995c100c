package org.sanrong.subsidy;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.sanrong.audit.AuditEntry.Outcome;
import org.sanrong.audit.AuditTrail;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Policy versions already used for a payment are frozen: the first payment under a version stores its file's content
 * hash, and at start a loaded file whose content differs from the stored hash of its (code, version) stops the start
 * naming the file — the edit must be published as a new version. The refusal is audited.
 */
@Component
@Order(0)
class PaidPolicyVersions implements ApplicationRunner {

    private final JdbcClient jdbc;
    private final PolicyCatalog catalog;
    private final AuditTrail audit;
    private final Clock clock;

    PaidPolicyVersions(JdbcClient jdbc, PolicyCatalog catalog, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.audit = audit;
        this.clock = clock;
    }

    /** A policy file edited after its version was used for a payment. */
    static final class EditedPaidPolicyException extends RuntimeException {
        EditedPaidPolicyException(String message) {
            super(message);
        }
    }

    /** Called with every payment: remembers the version's content the first time it pays. */
    void paidUnder(String policyCode, int version) {
        catalog.version(policyCode, version).ifPresent(cp -> jdbc.sql("""
                INSERT INTO subsidy.policy_version (policy_code, version, content_hash, file, first_paid_at)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""").params(policyCode, version, cp.contentHash(),
                        cp.policy().file(), Timestamp.from(clock.instant())).update());
    }

    @Override
    public void run(ApplicationArguments args) {
        check();
    }

    /** Refuses (and audits) loaded files that differ from a paid version's stored content. */
    void check() {
        List<String> problems = new ArrayList<>();
        for (CompiledPolicy cp : catalog.compiled()) {
            jdbc.sql("SELECT content_hash FROM subsidy.policy_version WHERE policy_code = ? AND version = ?")
                    .params(cp.policy().code(), cp.policy().version()).query(String.class).optional()
                    .filter(stored -> !stored.equals(cp.contentHash()))
                    .ifPresent(stored -> problems.add("补贴政策文件 " + cp.policy().file() + "：" + cp.policy().code()
                            + " 第" + cp.policy().version() + "版已用于拨付，不能修改；请以新版本号发布修改"));
        }
        if (!problems.isEmpty()) {
            for (String p : problems) {
                audit.recordIndependently("system", null, "SUBSIDY_POLICY_EDIT", "subsidy-policy", Outcome.FAILURE, p);
            }
            throw new EditedPaidPolicyException(String.join("\n", problems));
        }
    }
}
