package org.sanrong.enterprise;

import java.util.Map;

/** Counts over the 企业库 for dashboards: by town, by lifecycle stage and by live qualification. */
public record RegistryCensus(long total, long onPlatform, long pendingReviews, Map<String, Long> byTown,
        Map<LifecycleStage, Long> byStage, Map<String, Long> byQualification) {
}
