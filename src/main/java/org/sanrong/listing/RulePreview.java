package org.sanrong.listing;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a rule would enrol: how many enterprises it matches, how many of those are in the reserve already, how many
 * a profit threshold leaves out for want of a profit figure, and the candidates (the first {@code shown} of them).
 */
public record RulePreview(String reason, int matched, int alreadyEnrolled, int profitUnknown, int candidates,
        List<Candidate> shown) {

    public record Candidate(String creditCode, String name, @Nullable String townName, @Nullable String industryCode,
            @Nullable Long revenueFen, List<String> qualifications) {
    }
}
