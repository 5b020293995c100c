package org.sanrong.listing;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * 按规则入库: which enterprises of the 企业库 to enrol — holding any of the qualifications (live, verified; codes of
 * the reference qualification kinds, e.g. LITTLE_GIANT 专精特新"小巨人", GAZELLE 瞪羚), with the latest revenue at
 * least {@code minRevenueFen}, the latest net profit entered for listing at least {@code minNetProfitFen}, in a town
 * or industry; every part given must hold. They enter at {@code grade} aiming for {@code board}.
 */
public record EnrolmentRule(Set<String> qualifications, @Nullable Long minRevenueFen, @Nullable Long minNetProfitFen,
        @Nullable String townCode, @Nullable String industryPrefix, @Nullable ListingBoard board,
        @Nullable ReserveGrade grade) {

    public EnrolmentRule {
        qualifications = qualifications == null ? Set.of() : Set.copyOf(qualifications);
        townCode = townCode == null || townCode.isBlank() ? null : townCode.strip();
        industryPrefix = industryPrefix == null || industryPrefix.isBlank() ? null
                : industryPrefix.strip().toUpperCase(java.util.Locale.ROOT);
    }

    public boolean empty() {
        return qualifications.isEmpty() && minRevenueFen == null && minNetProfitFen == null && townCode == null
                && industryPrefix == null;
    }
}
