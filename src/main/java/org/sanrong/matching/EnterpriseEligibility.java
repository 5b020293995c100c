package org.sanrong.matching;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.roaringbitmap.RoaringBitmap;
import org.sanrong.enterprise.EnterpriseBook;
import org.sanrong.enterprise.EnterpriseFacts;
import org.sanrong.enterprise.EnterpriseProfileChanged;
import org.sanrong.enterprise.EnterpriseRegistered;
import org.sanrong.enterprise.EnterprisesImported;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The live eligibility index: an immutable {@link EnterpriseIndex} built from the 企业库, plus an overlay of the
 * enterprises that changed since, so that a profile change is visible to matching as soon as its event arrives
 * (right after the change commits) without rebuilding. The overlay is folded into a new index in the background
 * when it grows, after bulk imports and every night (stages change with age).
 */
@Service
public class EnterpriseEligibility {

    private static final Logger log = LoggerFactory.getLogger(EnterpriseEligibility.class);
    static final int OVERLAY_LIMIT = 5_000;

    /** One consistent view: the base index, which of its numbers are superseded, and the newer facts. */
    private record Snapshot(EnterpriseIndex base, Map<String, Integer> numbers, RoaringBitmap stale,
            Map<String, EnterpriseFacts> overlay) {
    }

    private final EnterpriseBook enterprises;
    private final Clock clock;
    private final ExecutorService rebuilder = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("eligibility-rebuild").daemon(true).factory());
    private final AtomicBoolean rebuildQueued = new AtomicBoolean();
    private volatile Snapshot snapshot;

    EnterpriseEligibility(EnterpriseBook enterprises, Clock clock) {
        this.enterprises = enterprises;
        this.clock = clock;
        this.snapshot = new Snapshot(EnterpriseIndex.builder(0).build(), Map.of(), new RoaringBitmap(), Map.of());
    }

    /** Credit codes of the enterprises the filter admits today. */
    public List<String> eligible(EnterpriseFilter filter) {
        Snapshot s = snapshot;
        LocalDate today = LocalDate.now(clock);
        RoaringBitmap hits = s.base().filter(filter, today);
        hits.andNot(s.stale());
        List<String> codes = new ArrayList<>(hits.getCardinality());
        hits.forEach((org.roaringbitmap.IntConsumer) id -> codes.add(s.base().creditCode(id)));
        s.overlay().values().stream().filter(f -> filter.test(f, today)).map(EnterpriseFacts::creditCode)
                .forEach(codes::add);
        return codes;
    }

    public long count(EnterpriseFilter filter) {
        Snapshot s = snapshot;
        LocalDate today = LocalDate.now(clock);
        RoaringBitmap hits = s.base().filter(filter, today);
        return RoaringBitmap.andNotCardinality(hits, s.stale())
                + s.overlay().values().stream().filter(f -> filter.test(f, today)).count();
    }

    /** What the index holds and costs, for the operator's page. */
    public record Status(int indexed, int overlay, long memoryBytes) {
    }

    public Status status() {
        Snapshot s = snapshot;
        return new Status(s.base().size(), s.overlay().size(), s.base().memoryBytes());
    }

    @ApplicationModuleListener
    void on(EnterpriseProfileChanged event) {
        refresh(event.creditCode());
    }

    @ApplicationModuleListener
    void on(EnterpriseRegistered event) {
        refresh(event.creditCode());
    }

    /** Bulk writes bypass the per-enterprise events: fold everything in again. */
    @EventListener
    void on(EnterprisesImported event) {
        rebuildLater();
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        rebuildLater();
    }

    /** Stages depend on age, so the whole index is rebuilt at night even when nothing changed. */
    @Scheduled(cron = "0 30 2 * * *", zone = "Asia/Shanghai")
    void nightly() {
        rebuildLater();
    }

    /** Replaces one enterprise's facts in the overlay (or drops it, if it is gone). */
    synchronized void refresh(String creditCode) {
        Snapshot s = snapshot;
        Map<String, EnterpriseFacts> overlay = new HashMap<>(s.overlay());
        enterprises.facts(creditCode).ifPresentOrElse(f -> overlay.put(creditCode, f), () -> overlay.remove(creditCode));
        RoaringBitmap stale = s.stale().clone();
        Integer number = s.numbers().get(creditCode);
        if (number != null) {
            stale.add(number);
        }
        snapshot = new Snapshot(s.base(), s.numbers(), stale, Map.copyOf(overlay));
        if (overlay.size() > OVERLAY_LIMIT) {
            rebuildLater();
        }
    }

    void rebuildLater() {
        if (rebuildQueued.compareAndSet(false, true)) {
            rebuilder.submit(() -> {
                rebuildQueued.set(false);
                try {
                    rebuild();
                } catch (RuntimeException e) {
                    log.error("Rebuilding the eligibility index failed; the previous one stays in use", e);
                }
            });
        }
    }

    /** Builds a new base from the database; changes that arrive meanwhile stay in the overlay. */
    void rebuild() {
        long started = System.nanoTime();
        Map<String, EnterpriseFacts> pendingBefore;
        synchronized (this) {
            pendingBefore = snapshot.overlay();
        }
        EnterpriseIndex.Builder builder = EnterpriseIndex.builder((int) Math.max(16, enterprises.count()));
        Map<String, Integer> numbers = new HashMap<>();
        enterprises.forEachFacts(f -> numbers.put(f.creditCode(), builder.add(f)));
        EnterpriseIndex base = builder.build();
        synchronized (this) {
            // keep what changed while the database was being read: it may be newer than what we read
            Map<String, EnterpriseFacts> overlay = new HashMap<>(snapshot.overlay());
            pendingBefore.forEach((code, facts) -> {
                if (overlay.get(code) == facts) {
                    overlay.remove(code);
                }
            });
            RoaringBitmap stale = new RoaringBitmap();
            overlay.keySet().forEach(code -> {
                Integer n = numbers.get(code);
                if (n != null) {
                    stale.add(n);
                }
            });
            snapshot = new Snapshot(base, Map.copyOf(numbers), stale, Map.copyOf(overlay));
        }
        log.info("Eligibility index rebuilt: {} enterprises, {} KB, in {} ms", base.size(),
                base.memoryBytes() / 1024, (System.nanoTime() - started) / 1_000_000);
    }
}
