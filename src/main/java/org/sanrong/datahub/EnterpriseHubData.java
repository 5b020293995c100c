package org.sanrong.datahub;

import java.util.List;

/** Everything the hub holds about one enterprise: periodic figures (by source, oldest first) and dated records. */
public record EnterpriseHubData(String creditCode, List<SeriesPoint> series, List<HubRecord> records) {

    public EnterpriseHubData {
        series = List.copyOf(series);
        records = List.copyOf(records);
    }

    public static EnterpriseHubData empty(String creditCode) {
        return new EnterpriseHubData(creditCode, List.of(), List.of());
    }

    public List<SeriesPoint> series(HubSource source) {
        return series.stream().filter(p -> p.source() == source).toList();
    }

    public List<HubRecord> records(HubSource source) {
        return records.stream().filter(r -> r.source() == source).toList();
    }

    public boolean has(HubSource source) {
        return source.periodic() ? series.stream().anyMatch(p -> p.source() == source)
                : records.stream().anyMatch(r -> r.source() == source);
    }
}
