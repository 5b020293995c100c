package org.sanrong.matching;

import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.sanrong.credit.CreditRatings;
import org.sanrong.credit.EnterpriseRated;
import org.sanrong.credit.RatingsRefreshed;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Every enterprise's grade and innovation score in memory, for the eligibility rules on them: loaded from the
 * credit module at start and after each bulk re-scoring, and kept current by {@link EnterpriseRated} as soon as a
 * rating commits.
 */
@Component
class RatedEnterprises implements CreditStandings {

    private final CreditRatings ratings;
    private volatile @Nullable Map<String, Standing> standings;

    RatedEnterprises(CreditRatings ratings) {
        this.ratings = ratings;
    }

    @Override
    public @Nullable Standing of(String creditCode) {
        Map<String, Standing> s = standings;
        if (s == null) {
            s = reload();
        }
        return s.get(creditCode);
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        reload();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(RatingsRefreshed event) {
        reload();
    }

    @TransactionalEventListener(fallbackExecution = true)
    synchronized void on(EnterpriseRated event) {
        Map<String, Standing> s = standings;
        if (s == null) {
            return; // the first reload reads it
        }
        Map<String, Standing> next = new HashMap<>(s);
        next.put(event.creditCode(), new Standing(event.grade(), event.innovationScore()));
        standings = next;
    }

    private synchronized Map<String, Standing> reload() {
        Map<String, Standing> next = new HashMap<>();
        ratings.forEachCurrent(r -> next.put(r.creditCode(), new Standing(r.grade(), r.innovationScore())));
        standings = next;
        return next;
    }
}
