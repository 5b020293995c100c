package org.sanrong.reference;

import java.util.List;

/** The reference files, each with its name in {@code reference.dataset} and the header it must start with. */
enum Dataset {
    TOWNS("towns", List.of("code", "name", "kind")),
    INDUSTRIES("industries", List.of("code", "name", "level", "parent")),
    EMERGING_INDUSTRIES("emerging-industries", List.of("code", "name", "industry_prefixes")),
    QUALIFICATION_KINDS("qualification-kinds", List.of("code", "name", "issuer", "whitelist"));

    final String key;
    final List<String> header;

    Dataset(String key, List<String> header) {
        this.key = key;
        this.header = header;
    }
}
