package org.sanrong.riskshare;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Every version of every scheme, as loaded into {@code riskshare.scheme_version} (a version filings were checked
 * against stays readable even after its file is gone). Held in memory; the loader refreshes it at start.
 */
@Service
public class SchemeCatalog {

    private final JdbcClient jdbc;
    private volatile @Nullable Snapshot snapshot;

    SchemeCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Snapshot(List<Scheme> schemes, List<GuaranteeScheme> guarantees) {
    }

    /** All versions, by code then version. */
    public List<Scheme> schemes() {
        return snapshot().schemes();
    }

    /** The version of each scheme in force on the day (the highest version whose validity contains it). */
    public List<Scheme> inForceOn(LocalDate day) {
        return schemes().stream().filter(s -> s.inForceOn(day))
                .collect(java.util.stream.Collectors.toMap(Scheme::code, s -> s,
                        (a, b) -> a.version() >= b.version() ? a : b, java.util.LinkedHashMap::new))
                .values().stream().toList();
    }

    public Optional<Scheme> inForce(String code, LocalDate day) {
        return schemes().stream().filter(s -> s.code().equals(code) && s.inForceOn(day))
                .max(Comparator.comparingInt(Scheme::version));
    }

    /** The highest version in force at some time in the year. */
    public Optional<Scheme> forYear(String code, int year) {
        return schemes().stream().filter(s -> s.code().equals(code) && s.inForceIn(year))
                .max(Comparator.comparingInt(Scheme::version));
    }

    public Optional<Scheme> version(String code, int version) {
        return schemes().stream().filter(s -> s.code().equals(code) && s.version() == version).findFirst();
    }

    /** The latest version of the scheme, whatever its validity. */
    public Optional<Scheme> latest(String code) {
        return schemes().stream().filter(s -> s.code().equals(code)).max(Comparator.comparingInt(Scheme::version));
    }

    public List<GuaranteeScheme> guaranteeSchemes() {
        return snapshot().guarantees();
    }

    /** The version in force on the day, else the latest one. */
    public Optional<GuaranteeScheme> guarantee(String code, LocalDate day) {
        List<GuaranteeScheme> versions = guaranteeSchemes().stream().filter(g -> g.code().equals(code)).toList();
        return versions.stream().filter(g -> g.inForceOn(day)).max(Comparator.comparingInt(GuaranteeScheme::version))
                .or(() -> versions.stream().max(Comparator.comparingInt(GuaranteeScheme::version)));
    }

    /** Reads the table again (after the loader wrote it). */
    void refresh() {
        List<Scheme> schemes = jdbc.sql("SELECT content::text FROM riskshare.scheme_version WHERE kind = 'COMPENSATION' "
                + "ORDER BY code, version").query((rs, n) -> SchemeFiles.JSON.readValue(rs.getString(1), Scheme.class))
                .list();
        List<GuaranteeScheme> guarantees = jdbc.sql("SELECT content::text FROM riskshare.scheme_version "
                + "WHERE kind = 'GUARANTEE' ORDER BY code, version")
                .query((rs, n) -> SchemeFiles.JSON.readValue(rs.getString(1), GuaranteeScheme.class)).list();
        snapshot = new Snapshot(List.copyOf(schemes), List.copyOf(guarantees));
    }

    private Snapshot snapshot() {
        Snapshot s = snapshot;
        if (s == null) {
            refresh();
            s = snapshot;
        }
        return java.util.Objects.requireNonNull(s);
    }
}
