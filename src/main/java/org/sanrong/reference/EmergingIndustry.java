package org.sanrong.reference;

import java.util.List;

/**
 * A strategic emerging industry (战略性新兴产业) and the GB/T 4754 code prefixes counted in it. An industry code
 * belongs to it when the code starts with one of the prefixes; one code may belong to several.
 */
public record EmergingIndustry(String code, String name, List<String> industryPrefixes) {

    public EmergingIndustry {
        industryPrefixes = List.copyOf(industryPrefixes);
    }

    public boolean covers(String industryCode) {
        return industryPrefixes.stream().anyMatch(industryCode::startsWith);
    }
}
