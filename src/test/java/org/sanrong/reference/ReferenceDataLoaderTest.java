package org.sanrong.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanrong.SanrongTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Loading at start: a file is loaded again only when its hash changed, a malformed file leaves everything as it
 * was. These tests change the shared database's reference data, so each puts the bundled files back afterwards.
 */
@SanrongTest
class ReferenceDataLoaderTest {

    @Autowired
    ReferenceDataLoader loader;

    @Autowired
    ReferenceDataProperties properties;

    @Autowired
    ReferenceData reference;

    @Autowired
    ReferenceTables tables;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    @AfterEach
    void restoreTheBundledFiles() {
        loader.load(properties.locations());
        assertThat(reference.towns()).hasSize(36);
    }

    private Map<Dataset, String> withTowns(String location) {
        Map<Dataset, String> locations = properties.locations();
        locations.put(Dataset.TOWNS, location);
        return locations;
    }

    private String townsWith(String extraLine) throws IOException {
        String bundled = new ClassPathResource("reference/towns.csv").getContentAsString(StandardCharsets.UTF_8);
        Path file = dir.resolve("towns-" + System.nanoTime() + ".csv");
        Files.writeString(file, bundled + extraLine);
        return file.toUri().toString();
    }

    @Test
    void skipsFilesWhoseHashIsUnchanged() {
        Map<String, Instant> before = tables.loadedAt();
        assertThat(loader.load(properties.locations())).isEmpty();
        assertThat(tables.loadedAt()).isEqualTo(before);
        assertThat(reference.towns()).hasSize(36);
    }

    @Test
    void reloadsAFileWhoseHashChangedAndOnlyThatFile() throws IOException {
        Map<String, Instant> before = tables.loadedAt();
        String changed = townsWith("441900999,测试新区,功能区\n");

        assertThat(loader.load(withTowns(changed))).containsExactly(Dataset.TOWNS);
        assertThat(reference.towns()).hasSize(37);
        assertThat(reference.town("441900999")).hasValue(new Town("441900999", "测试新区", "功能区"));
        assertThat(jdbc.sql("SELECT count(*) FROM reference.town").query(Long.class).single()).isEqualTo(37);
        assertThat(jdbc.sql("SELECT source FROM reference.dataset WHERE name = 'towns'").query(String.class).single())
                .isEqualTo(changed);
        Map<String, Instant> after = tables.loadedAt();
        assertThat(after.get("towns")).isAfter(before.get("towns"));
        assertThat(after.get("industries")).isEqualTo(before.get("industries"));

        // The same file again: nothing to do.
        assertThat(loader.load(withTowns(changed))).isEmpty();
    }

    @Test
    void aMalformedFileChangesNothing() throws IOException {
        String duplicate = townsWith("441900003,东城街道（重复）,街道\n");
        assertThatThrownBy(() -> loader.load(withTowns(duplicate)))
                .isInstanceOf(MalformedReferenceDataException.class)
                .hasMessageContaining(duplicate + ", line 38")
                .hasMessageContaining("duplicate code 441900003 (already on line 2)");
        assertThat(reference.towns()).hasSize(36);
        assertThat(jdbc.sql("SELECT count(*) FROM reference.town").query(Long.class).single()).isEqualTo(36);
    }

    @Test
    void refusesAMissingFile() {
        assertThatThrownBy(() -> loader.load(withTowns("file:" + dir.resolve("missing.csv"))))
                .isInstanceOf(MalformedReferenceDataException.class)
                .hasMessageContaining("missing.csv").hasMessageContaining("does not exist");
    }

    @Test
    void aReadDoesNotTouchTheDatabase() {
        List<Town> towns = reference.towns();
        jdbc.sql("UPDATE reference.town SET name = name || '（改）' WHERE code = '441900401'").update();
        try {
            assertThat(reference.towns()).isSameAs(towns);
            assertThat(reference.town("441900401")).hasValueSatisfying(t -> assertThat(t.name()).isEqualTo("松山湖"));
        } finally {
            jdbc.sql("UPDATE reference.town SET name = '松山湖' WHERE code = '441900401'").update();
        }
    }
}
