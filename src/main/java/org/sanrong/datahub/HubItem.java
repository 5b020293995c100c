package org.sanrong.datahub;

/** An item of hub data about one enterprise: a period's figures or a dated record. */
public sealed interface HubItem permits SeriesPoint, HubRecord {

    String creditCode();

    HubSource source();

    /** What identifies the item within its enterprise and source: the period ("2025-03", "2025Q1") or the document number. */
    String key();
}
