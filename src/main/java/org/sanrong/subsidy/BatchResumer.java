package org.sanrong.subsidy;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start, finishes the payment of batches a crash or stop interrupted (status PAYING): items already paid are
 * skipped (their ledger key is posted and their row marked), the rest are paid, each in its own transaction.
 */
@Component
@Order(10)
class BatchResumer implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BatchResumer.class);

    private final SubsidyBatches batches;

    BatchResumer(SubsidyBatches batches) {
        this.batches = batches;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (UUID id : batches.unfinished()) {
            try {
                Batch b = batches.resume(id);
                log.info("Subsidy batch {} resumed: {}", id, b.status());
            } catch (RuntimeException e) {
                log.error("Subsidy batch {} could not be resumed: {}", id, e.getMessage());
            }
        }
    }
}
