package org.sanrong.demo;

import java.util.Iterator;
import java.util.NoSuchElementException;
import org.sanrong.enterprise.EnterpriseImports;
import org.sanrong.enterprise.EnterpriseRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Seeds the synthetic Dongguan (sanrong.demo-population.size enterprises of seed sanrong.demo-population.seed)
 * when the database holds no demo enterprise yet, through the enterprise module's bulk upsert.
 */
@Component
class DemoPopulation {

    private static final Logger log = LoggerFactory.getLogger(DemoPopulation.class);
    private final EnterpriseImports enterprises;
    private final int size;
    private final long seed;

    DemoPopulation(EnterpriseImports enterprises, @Value("${sanrong.demo-population.size:5000}") int size,
            @Value("${sanrong.demo-population.seed:" + PopulationGenerator.DEFAULT_SEED + "}") long seed) {
        this.enterprises = enterprises;
        this.size = size;
        this.seed = seed;
    }

    void seedIfEmpty() {
        if (size <= 0 || enterprises.count(EnterpriseImports.SOURCE_DEMO) > 0) {
            return;
        }
        long started = System.nanoTime();
        PopulationGenerator generator = new PopulationGenerator(seed);
        log.info("Seeding the demo population: {} enterprises (seed {})...", size, seed);
        long step = Math.max(1000, size / 5);
        long[] next = {step};
        long done = enterprises.seedDemo(records(generator, size), n -> {
            if (n >= next[0] && n < size) {
                log.info("  demo population: {} / {}", n, size);
                next[0] += step;
            }
        });
        log.info("Demo population seeded: {} enterprises in {} ms.", done, (System.nanoTime() - started) / 1_000_000);
    }

    static Iterator<EnterpriseRecord> records(PopulationGenerator generator, long count) {
        return new Iterator<>() {
            long i;

            @Override
            public boolean hasNext() {
                return i < count;
            }

            @Override
            public EnterpriseRecord next() {
                if (i >= count) {
                    throw new NoSuchElementException();
                }
                return generator.enterprise(i++);
            }
        };
    }
}
