package org.sanrong.reference;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the reference files at start, after Flyway and before the demo data ({@code @Order(0)}). All files are read
 * and checked first, so a malformed one stops the start with file, line and problem and nothing is written; then,
 * in one transaction, each file whose SHA-256 differs from the one stored replaces its table's rows.
 */
@Component
@Order(-10)
@EnableConfigurationProperties(ReferenceDataProperties.class)
class ReferenceDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ReferenceDataLoader.class);

    private final ReferenceDataProperties properties;
    private final ResourceLoader resources;
    private final ReferenceTables tables;
    private final ReferenceData data;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ReferenceDataLoader(ReferenceDataProperties properties, ResourceLoader resources, ReferenceTables tables,
            ReferenceData data, PlatformTransactionManager transactions, Clock clock) {
        this.properties = properties;
        this.resources = resources;
        this.tables = tables;
        this.data = data;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        load(properties.locations());
    }

    /** Loads the files at these locations where they changed, refreshes what readers see; returns what was loaded. */
    Set<Dataset> load(Map<Dataset, String> locations) {
        Map<Dataset, ReferenceFile> files = new EnumMap<>(Dataset.class);
        locations.forEach((dataset, location) -> files.put(dataset, read(dataset, location)));
        ReferenceContent content = ReferenceContent.read(files);
        Set<Dataset> loaded = transaction.execute(status -> {
            tables.lockForLoading();
            Map<String, String> stored = tables.hashes();
            Set<Dataset> changed = EnumSet.noneOf(Dataset.class);
            for (Dataset dataset : Dataset.values()) {
                ReferenceFile file = files.get(dataset);
                if (!file.sha256().equals(stored.get(dataset.key))) {
                    tables.replace(dataset, content);
                    tables.recordLoaded(dataset, file, content.rows(dataset), clock.instant());
                    changed.add(dataset);
                }
            }
            return changed;
        });
        data.refresh();
        for (Dataset dataset : Dataset.values()) {
            log.info("Reference data {}: {} rows from {}{}", dataset.key, content.rows(dataset),
                    files.get(dataset).location(), loaded.contains(dataset) ? ", loaded" : ", unchanged");
        }
        return loaded.isEmpty() ? Set.of() : Set.copyOf(loaded);
    }

    private ReferenceFile read(Dataset dataset, String location) {
        Resource resource = resources.getResource(location);
        if (!resource.exists()) {
            throw new MalformedReferenceDataException(location, 0, "the file does not exist (set sanrong.reference."
                    + propertyName(dataset) + " to a classpath: or file: location)");
        }
        try (InputStream in = resource.getInputStream()) {
            return new ReferenceFile(dataset, location, in.readAllBytes());
        } catch (IOException e) {
            throw new MalformedReferenceDataException(location, 0, "cannot be read: " + e.getMessage());
        }
    }

    private static String propertyName(Dataset dataset) {
        return switch (dataset) {
            case TOWNS -> "towns";
            case INDUSTRIES -> "industries";
            case EMERGING_INDUSTRIES -> "emerging-industries";
            case QUALIFICATION_KINDS -> "qualification-kinds";
        };
    }
}
