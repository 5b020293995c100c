package org.sanrong.enterprise;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.sanrong.reference.ReferenceData;
import org.springframework.stereotype.Component;

/** The reference-data questions an import asks, row after row, answered from memory. */
@Component
class ReferenceCodes {

    private final ReferenceData reference;
    private final ConcurrentMap<String, String> emerging = new ConcurrentHashMap<>();

    ReferenceCodes(ReferenceData reference) {
        this.reference = reference;
    }

    boolean townExists(String code) {
        return reference.town(code).isPresent();
    }

    boolean industryExists(String code) {
        return reference.industry(code).isPresent();
    }

    /** Who issues a qualification kind (科技部门, 工信部门...), or its code when the kind is unknown. */
    String qualificationIssuer(String kind) {
        return reference.qualificationKind(kind).map(k -> k.issuer()).orElse(kind);
    }

    /** The strategic emerging industries of an industry code as a PostgreSQL array literal, e.g. {1,2}. */
    String emergingArrayLiteral(String industryCode) {
        return emerging.computeIfAbsent(industryCode, c -> {
            Set<String> ids = reference.emergingIndustriesOf(c);
            return "{" + String.join(",", ids) + "}";
        });
    }
}
