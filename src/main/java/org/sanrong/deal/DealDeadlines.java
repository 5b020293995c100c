package org.sanrong.deal;

import java.time.Clock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Checks the institutions' clocks every few minutes (sanrong.deal.sweep-interval, default 5 minutes). */
@Component
class DealDeadlines {

    private final DealFlow flow;
    private final Clock clock;

    DealDeadlines(DealFlow flow, Clock clock) {
        this.flow = flow;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${sanrong.deal.sweep-interval:PT5M}",
            fixedDelayString = "${sanrong.deal.sweep-interval:PT5M}")
    void sweep() {
        flow.sweep(clock.instant());
    }
}
