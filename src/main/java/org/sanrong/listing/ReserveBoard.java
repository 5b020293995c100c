package org.sanrong.listing;

import java.util.Map;

/**
 * The government's view of the whole reserve: entries by grade, target board, stage (latest milestone), town and
 * industry; the funnel from the reserve through each milestone to listed; the problems raised and how many are late.
 */
public record ReserveBoard(long active, long listed, Map<ReserveGrade, Long> byGrade, Map<ListingBoard, Long> byBoard,
        Map<String, Long> byStage, Map<String, Long> byTown, Map<String, Long> byIndustry, Map<String, Long> funnel,
        long openRequests, long overdueRequests) {
}
