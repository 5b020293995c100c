package org.sanrong.credit;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.sanrong.audit.AuditEntry.Outcome;
import org.sanrong.audit.AuditTrail;
import org.sanrong.credit.scorecard.FeatureBinning;
import org.sanrong.credit.scorecard.TrainedScorecard;
import org.sanrong.datahub.DataAccess;
import org.sanrong.datahub.EnterpriseDataImported;
import org.sanrong.datahub.HubDisputes;
import org.sanrong.enterprise.EnterpriseProfileChanged;
import org.sanrong.enterprise.EnterpriseRegistered;
import org.sanrong.enterprise.EnterpriseSnapshots;
import org.sanrong.enterprise.EnterprisesImported;
import org.sanrong.identity.SignedInUser;
import org.sanrong.platform.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ratings: every enterprise's grade (from the approved model), innovation score, reasons and hints. Enterprises are
 * re-scored one by one when their profile or hub data changes, and all together on demand, nightly and after a
 * model is approved — in chunks of {@link #CHUNK}, each read and written in a few statements. The profile page is
 * {@link #profile}: the enterprise its own, staff any, institutions under consent, audited as VIEW_CREDIT_PROFILE.
 */
@Service
public class CreditRatings {

    public static final String VIEW_ACTION = "VIEW_CREDIT_PROFILE";
    static final int CHUNK = 1_000;
    private static final Logger log = LoggerFactory.getLogger(CreditRatings.class);

    /** How a re-scoring went. */
    public record Rescored(int rated, long millis, @Nullable Integer modelVersion) {
    }

    private final Models models;
    private final Ratings ratings;
    private final FeatureSource features;
    private final EnterpriseSnapshots enterprises;
    private final DataAccess access;
    private final HubDisputes disputes;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ReentrantLock rescoring = new ReentrantLock();
    private final java.util.concurrent.ScheduledExecutorService background = java.util.concurrent.Executors
            .newSingleThreadScheduledExecutor(Thread.ofPlatform().name("credit-rescore").daemon(true).factory());
    private final java.util.concurrent.atomic.AtomicBoolean queued = new java.util.concurrent.atomic.AtomicBoolean();
    /** System.nanoTime() of the latest request for a background run, and of the start of the latest full run. */
    private volatile long requested;
    private volatile long lastStart = System.nanoTime() - java.util.concurrent.TimeUnit.DAYS.toNanos(1);

    CreditRatings(Models models, Ratings ratings, FeatureSource features, EnterpriseSnapshots enterprises,
            DataAccess access, HubDisputes disputes, AuditTrail audit, ApplicationEventPublisher events,
            PlatformTransactionManager transactions, Clock clock) {
        this.models = models;
        this.ratings = ratings;
        this.features = features;
        this.enterprises = enterprises;
        this.access = access;
        this.disputes = disputes;
        this.audit = audit;
        this.events = events;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** The model in use and its scorecard, or null. */
    private record InUse(ModelView view, TrainedScorecard card) {
    }

    private @Nullable InUse inUse() {
        return models.active().map(m -> new InUse(m, models.card(m.id()))).orElse(null);
    }

    /**
     * Re-scores every enterprise with the model in use (without one: innovation scores only), chunk by chunk, then
     * publishes {@link RatingsRefreshed}. One run at a time; a second caller waits for the first. {@code user} null:
     * the nightly run.
     */
    public Rescored rescoreAll(@Nullable SignedInUser user) {
        rescoring.lock();
        try {
            long started = System.nanoTime();
            lastStart = started;
            InUse model = transactions.execute(tx -> inUse());
            YearMonth asOf = features.asOf();
            List<String> codes = enterprises.creditCodes();
            int rated = 0;
            for (int from = 0; from < codes.size(); from += CHUNK) {
                List<String> chunk = codes.subList(from, Math.min(codes.size(), from + CHUNK));
                rated += transactions.execute(tx -> rate(chunk, model, asOf).size());
            }
            Integer version = model == null ? null : model.view().version();
            long millis = (System.nanoTime() - started) / 1_000_000;
            transactions.executeWithoutResult(tx -> {
                if (user != null) {
                    audit.record(user.username(), user.organisationId(), "RESCORE_ALL", "credit:ratings",
                            Outcome.SUCCESS, "重新评分 " + codes.size() + " 家企业，模型 "
                                    + (version == null ? "无" : "v" + version) + "，用时 " + millis + " ms");
                }
                events.publishEvent(new RatingsRefreshed(codes.size(), version));
            });
            log.info("Re-scored {} enterprises (model {}) as of {} in {} ms", rated,
                    version == null ? "none" : "v" + version, asOf, millis);
            return new Rescored(rated, millis, version);
        } finally {
            rescoring.unlock();
        }
    }

    /**
     * Re-scores everyone soon, in the background, after a bulk change: requests made within a second of each other,
     * or while one is waiting, are served by one run, and none is needed if a full run started after the latest
     * request (it read everything those requests were about), so a burst of bulk imports costs one run at most.
     * Without an approved model there is nothing to grade and the run is left to the approval, which re-scores
     * everyone (single enterprises still get their innovation score as their data changes).
     */
    public void rescoreAllLater() {
        requested = System.nanoTime();
        if (queued.compareAndSet(false, true)) {
            background.schedule(() -> {
                queued.set(false);
                long asked = requested;
                rescoring.lock();
                try {
                    if (lastStart - asked > 0 || transactions.execute(tx -> models.active().isEmpty())) {
                        return;
                    }
                    rescoreAll(null);
                } catch (RuntimeException e) {
                    log.error("Re-scoring all enterprises failed; the previous ratings stay", e);
                } finally {
                    rescoring.unlock();
                }
            }, 1, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        background.shutdownNow();
    }

    /** Re-scores some enterprises now and publishes {@link EnterpriseRated} for each. */
    @Transactional
    public List<RatingSummary> rescore(Collection<String> creditCodes) {
        InUse model = inUse();
        YearMonth asOf = features.asOf();
        List<Ratings.Row> rows = rate(creditCodes, model, asOf);
        List<RatingSummary> out = new ArrayList<>();
        for (Ratings.Row r : rows) {
            events.publishEvent(new EnterpriseRated(r.creditCode(), r.score(), r.grade(), r.innovation().total(),
                    model == null ? null : model.view().version(), asOf));
            ratings.summary(r.creditCode()).ifPresent(out::add);
        }
        return out;
    }

    /**
     * Records everyone's rating as it stood for an earlier data month — features computed from the data up to that
     * month, scored by the model in use — in the month-by-month record only (the current ratings stay). This gives
     * monitoring a history when data for earlier months arrives at once, as with the demo. Answers how many.
     */
    public int recordMonth(YearMonth month) {
        rescoring.lock();
        try {
            InUse model = transactions.execute(tx -> inUse());
            if (model == null) {
                return 0;
            }
            List<String> codes = enterprises.creditCodes();
            int recorded = 0;
            for (int from = 0; from < codes.size(); from += CHUNK) {
                List<String> chunk = codes.subList(from, Math.min(codes.size(), from + CHUNK));
                recorded += transactions.execute(tx -> {
                    List<Ratings.Row> rows = new ArrayList<>();
                    for (FeatureSource.Computed c : features.compute(chunk, month)) {
                        Integer score = Features.sufficient(c.features())
                                ? model.card().points().score(Explanations.row(model.card(), c.features())) : null;
                        rows.add(new Ratings.Row(c.enterprise().creditCode(), model.view().id(), score,
                                score == null ? null : model.card().grade(score).name(), c.innovation(),
                                c.features(), month));
                    }
                    ratings.upsertMonths(rows);
                    return rows.size();
                });
            }
            return recorded;
        } finally {
            rescoring.unlock();
        }
    }

    private List<Ratings.Row> rate(Collection<String> codes, @Nullable InUse model, YearMonth asOf) {
        List<Ratings.Row> rows = new ArrayList<>(codes.size());
        for (FeatureSource.Computed c : features.compute(codes, asOf)) {
            Integer score = null;
            String grade = null;
            if (model != null && Features.sufficient(c.features())) {
                score = model.card().points().score(Explanations.row(model.card(), c.features()));
                grade = model.card().grade(score).name();
            }
            rows.add(new Ratings.Row(c.enterprise().creditCode(), model == null ? null : model.view().id(), score,
                    grade, c.innovation(), c.features(), asOf));
        }
        ratings.upsert(rows, clock.instant());
        return rows;
    }

    /** An enterprise's current rating in brief, for other modules (matching's criteria). */
    @Transactional(readOnly = true)
    public Optional<RatingSummary> current(String creditCode) {
        return ratings.summary(creditCode);
    }

    /** Every current rating in brief, streamed. */
    @Transactional(readOnly = true)
    public void forEachCurrent(Consumer<RatingSummary> sink) {
        ratings.forEachSummary(sink);
    }

    /**
     * The credit profile as the reader may see it — the enterprise itself, government and operator staff, or an
     * institution under a live consent grant — with reasons and hints computed from the stored feature values and
     * the model that scored them. Refused and audited otherwise.
     */
    @Transactional
    public CreditProfile profile(String creditCode, SignedInUser user) {
        DataAccess.Access a = access.require(creditCode, user, VIEW_ACTION);
        var enterprise = enterprises.of(creditCode).orElseThrow(() -> new NotFoundException("企业不存在"));
        Ratings.Stored stored = ratings.find(creditCode).orElse(null);
        if (stored == null) {
            rescore(List.of(creditCode));
            stored = ratings.find(creditCode).orElseThrow();
        }
        RatingSummary rating = stored.summary();
        TrainedScorecard card = rating.modelId() == null ? null : models.card(rating.modelId());
        List<Reason> reasons = List.of();
        List<Hint> hints = List.of();
        String label = null;
        String band = null;
        if (card != null) {
            label = card.metadata().version();
        }
        if (card != null && rating.score() != null) {
            reasons = Explanations.reasons(card, stored.features());
            hints = Explanations.hints(card, stored.features(), rating.score());
            band = card.metadata().options().grades().band(card.grade(rating.score()));
        }
        List<CreditProfile.FeatureLine> lines = new ArrayList<>();
        double[] values = stored.features();
        for (CreditFeature f : CreditFeature.values()) {
            String bin = null;
            Integer points = null;
            if (card != null) {
                for (int j = 0; j < card.model().size(); j++) {
                    FeatureBinning b = card.model().get(j);
                    if (b.feature().equals(f.code())) {
                        bin = Explanations.binLabel(b, values[f.ordinal()]);
                        points = card.points().points(j, values[f.ordinal()]);
                    }
                }
            }
            lines.add(new CreditProfile.FeatureLine(f.code(), f.label(), f.group().label(), f.unit(),
                    f.format(values[f.ordinal()]), bin, points));
        }
        return new CreditProfile(creditCode, enterprise.name(), rating, label, band, stored.innovation(), reasons,
                hints, lines, disputes.openCount(creditCode), a);
    }

    // ---- when to re-score -------------------------------------------------------------------------------------

    @ApplicationModuleListener
    void on(EnterpriseProfileChanged event) {
        rescore(List.of(event.creditCode()));
    }

    @ApplicationModuleListener
    void on(EnterpriseRegistered event) {
        rescore(List.of(event.creditCode()));
    }

    @ApplicationModuleListener
    void on(EnterpriseDataImported event) {
        if (event.complete()) {
            rescore(event.creditCodes());
        } else {
            rescoreAllLater();
        }
    }

    @ApplicationModuleListener
    void on(EnterprisesImported event) {
        rescoreAllLater();
    }

    /** Every night: data months move on, qualifications expire, and enterprises age. */
    @Scheduled(cron = "${sanrong.credit.rescore-cron:0 0 3 * * *}", zone = "Asia/Shanghai")
    void nightly() {
        rescoreAll(null);
    }
}
