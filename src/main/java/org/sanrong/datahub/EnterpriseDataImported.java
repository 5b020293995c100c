package org.sanrong.datahub;

import java.util.Set;
import java.util.UUID;

/**
 * Hub data changed: a batch inserted or changed rows of these enterprises. {@code creditCodes} lists them all when
 * {@code complete}; a large batch lists none and says {@code complete = false}, so listeners reload everything.
 */
public record EnterpriseDataImported(UUID batchId, HubSource source, Set<String> creditCodes, boolean complete,
        int enterprises) {

    /** At most this many codes travel with the event. */
    public static final int MAX_CODES = 1_000;

    public EnterpriseDataImported {
        creditCodes = Set.copyOf(creditCodes);
    }
}
