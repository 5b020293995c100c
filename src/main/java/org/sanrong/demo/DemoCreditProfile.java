package org.sanrong.demo;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sanrong.credit.CreditRatings;
import org.sanrong.credit.ScorecardModels;
import org.sanrong.datahub.HubBatch;
import org.sanrong.datahub.HubData;
import org.sanrong.datahub.HubImports;
import org.sanrong.datahub.HubItem;
import org.sanrong.enterprise.EnterpriseSnapshots;
import org.sanrong.identity.SignedInUser;
import org.sanrong.platform.DatabaseMode;
import org.sanrong.platform.SanrongProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.stereotype.Component;

/**
 * The demo's credit profile, once: 24 months of synthetic government data for every enterprise in the 企业库
 * ({@link HubDataGenerator}, through the hub's own import path, one DEMO batch per source), the simulated outcomes
 * recorded for training, and — when no model is in use yet — a scorecard trained on them by the operator
 * ({@code admin}) and approved by government ({@code gov}), which re-scores everyone; then the ratings of the
 * three months before (sanrong.demo-population.credit-history-months) are recorded from the same data, so the
 * monitoring page has a history.
 */
@Component
@Order(2)
class DemoCreditProfile implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCreditProfile.class);

    private final HubImports imports;
    private final HubData hub;
    private final EnterpriseSnapshots enterprises;
    private final ScorecardModels models;
    private final CreditRatings ratings;
    private final AuthenticationProvider authentication;
    private final SanrongProperties properties;
    private final DatabaseMode databaseMode;
    private final long seed;
    private final int historyMonths;

    DemoCreditProfile(HubImports imports, HubData hub, EnterpriseSnapshots enterprises, ScorecardModels models,
            CreditRatings ratings, AuthenticationProvider authentication, SanrongProperties properties,
            DatabaseMode databaseMode,
            @Value("${sanrong.demo-population.seed:" + PopulationGenerator.DEFAULT_SEED + "}") long seed,
            @Value("${sanrong.demo-population.credit-history-months:3}") int historyMonths) {
        this.imports = imports;
        this.hub = hub;
        this.enterprises = enterprises;
        this.models = models;
        this.ratings = ratings;
        this.authentication = authentication;
        this.properties = properties;
        this.databaseMode = databaseMode;
        this.seed = seed;
        this.historyMonths = Math.max(0, Math.min(historyMonths, 6));
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.seedDemo(databaseMode.embedded())) {
            return;
        }
        if (!imports.any(HubBatch.Kind.DEMO)) {
            seedHub();
        }
        if (models.active().isEmpty() && models.outcomeCount() >= 50) {
            var admin = signIn("admin");
            var gov = signIn("gov");
            if (admin == null || gov == null) {
                log.info("Demo scorecard not trained: the admin or gov account is not usable");
                return;
            }
            long started = System.nanoTime();
            var id = models.trainFromPlatform(admin);
            long trained = System.nanoTime();
            var rescored = models.approve(id, "演示：运营方训练、金融办复核通过", gov);
            long approved = System.nanoTime();
            YearMonth asOf = hub.lastCompleteMonth();
            for (int k = historyMonths; k >= 1; k--) {
                ratings.recordMonth(asOf.minusMonths(k));
            }
            log.info("Demo scorecard trained in {} ms, approved and {} enterprises rated in {} ms, {} earlier months "
                    + "recorded for monitoring in {} ms.", (trained - started) / 1_000_000, rescored.rated(),
                    (approved - trained) / 1_000_000, historyMonths, (System.nanoTime() - approved) / 1_000_000);
        }
    }

    private void seedHub() {
        long started = System.nanoTime();
        YearMonth last = hub.lastCompleteMonth();
        HubDataGenerator generator = new HubDataGenerator(seed);
        List<HubItem> items = new ArrayList<>();
        Map<String, Boolean> outcomes = new HashMap<>();
        enterprises.forEachChunk(2_000, chunk -> chunk.forEach(e -> {
            var g = generator.generate(e, last);
            items.addAll(g.items());
            outcomes.put(e.creditCode(), g.bad());
        }));
        if (outcomes.isEmpty()) {
            return;
        }
        long generated = System.nanoTime();
        imports.load(items, "演示数据生成器（" + HubDataGenerator.MONTHS + " 个月，截至 " + last + "）", "demo");
        models.recordOutcomes(outcomes, "SYNTHETIC");
        long bads = outcomes.values().stream().filter(b -> b).count();
        log.info("Demo hub data: {} items for {} enterprises to {} (generated in {} ms, written in {} ms); "
                + "simulated defaults {} ({}%).", items.size(), outcomes.size(), last,
                (generated - started) / 1_000_000, (System.nanoTime() - generated) / 1_000_000, bads,
                String.format("%.1f", 100.0 * bads / outcomes.size()));
    }

    private SignedInUser signIn(String username) {
        return DemoData.signIn(authentication, username).orElse(null);
    }
}
