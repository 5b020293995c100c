package org.sanrong.credit;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.sanrong.datahub.EnterpriseHubData;
import org.sanrong.datahub.HubData;
import org.sanrong.enterprise.EnterpriseSnapshot;
import org.sanrong.enterprise.EnterpriseSnapshots;
import org.springframework.stereotype.Component;

/** Feature values for enterprises, from the 企业库 and the hub, a chunk at a time (four statements a chunk). */
@Component
class FeatureSource {

    /** One enterprise's inputs and the features computed from them. */
    record Computed(EnterpriseSnapshot enterprise, double[] features, InnovationScore innovation) {
    }

    private final EnterpriseSnapshots enterprises;
    private final HubData hub;

    FeatureSource(EnterpriseSnapshots enterprises, HubData hub) {
        this.enterprises = enterprises;
        this.hub = hub;
    }

    YearMonth asOf() {
        return hub.lastCompleteMonth();
    }

    List<Computed> compute(Collection<String> creditCodes, YearMonth asOf) {
        List<EnterpriseSnapshot> snapshots = enterprises.of(creditCodes);
        Map<String, EnterpriseHubData> data = hub.of(snapshots.stream().map(EnterpriseSnapshot::creditCode).toList());
        List<Computed> out = new ArrayList<>(snapshots.size());
        for (EnterpriseSnapshot e : snapshots) {
            out.add(compute(e, data.getOrDefault(e.creditCode(), EnterpriseHubData.empty(e.creditCode())), asOf));
        }
        return out;
    }

    static Computed compute(EnterpriseSnapshot e, EnterpriseHubData data, YearMonth asOf) {
        double[] features = Features.compute(e, data, asOf);
        var latest = e.latest();
        double rdWan = latest == null || latest.rdExpenseFen() == null ? 0 : latest.rdExpenseFen() / 1_000_000.0;
        return new Computed(e, features, InnovationScore.of(features, rdWan, e.liveQualifications()));
    }
}
