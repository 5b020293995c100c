package org.sanrong.matching;

import java.util.List;
import java.util.Map;
import org.sanrong.enterprise.EnterpriseCard;

/**
 * How many registered enterprises a product's criteria admit, by town; and the ones the viewer may know by name:
 * all of them for government, for the product's institution only those with an open demand it can see.
 *
 * @param rulesNotCounted rules the index cannot apply yet (credit grade, innovation score, security offered)
 */
public record ProductReach(String productName, long eligible, Map<String, Long> byTown,
        List<EnterpriseCard> named, boolean namesLimited, List<String> rulesNotCounted) {
}
