package org.sanrong.demand;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Expiry is a job, not computed on read, so that an expired demand leaves the market with a {@link DemandClosed}
 * event and an audit line like any other outcome. It runs at start and then every hour (cron
 * {@code sanrong.demand.expiry-cron}, China time); the grace period is {@code sanrong.demand.expire-after-days}.
 */
@Configuration(proxyBeanMethods = false)
class DemandExpiry {

    private static final Logger log = LoggerFactory.getLogger(DemandExpiry.class);
    private final Demands demands;

    DemandExpiry(Demands demands) {
        this.demands = demands;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        run();
    }

    @Scheduled(cron = "${sanrong.demand.expiry-cron:0 5 * * * *}", zone = "Asia/Shanghai")
    void run() {
        int n = demands.expireOverdue();
        if (n > 0) {
            log.info("{} financing demand(s) expired", n);
        }
    }
}
