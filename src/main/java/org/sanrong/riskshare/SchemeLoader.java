package org.sanrong.riskshare;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the scheme files at start (after the reference data, before the demo data). Every file is read and checked
 * first, so one mistake stops the start naming file and rule, and nothing is written. Then each version is stored:
 * a new one is added; one whose content changed replaces the stored one only while no loan was filed under it —
 * afterwards a changed rule must come as a new version, and the start stops saying so.
 */
@Component
@Order(-5)
class SchemeLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SchemeLoader.class);

    private final JdbcClient jdbc;
    private final SchemeCatalog catalog;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final String schemeLocations;
    private final String guaranteeLocations;

    SchemeLoader(JdbcClient jdbc, SchemeCatalog catalog, PlatformTransactionManager transactions, Clock clock,
            @Value("${sanrong.riskshare.schemes:classpath*:riskshare/schemes/*.yaml}") String schemeLocations,
            @Value("${sanrong.riskshare.guarantee-schemes:classpath*:riskshare/guarantee-schemes/*.yaml}")
            String guaranteeLocations) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.schemeLocations = schemeLocations;
        this.guaranteeLocations = guaranteeLocations;
    }

    private record Loaded(String kind, String code, int version, String name, java.time.LocalDate validFrom,
            java.time.@org.jspecify.annotations.Nullable LocalDate validUntil, String json, String file) {
    }

    @Override
    public void run(ApplicationArguments args) {
        List<Loaded> loaded = new ArrayList<>();
        for (Resource r : resources(schemeLocations)) {
            Scheme s = SchemeFiles.scheme(name(r), read(r));
            loaded.add(new Loaded("COMPENSATION", s.code(), s.version(), s.name(), s.validFrom(), s.validUntil(),
                    SchemeFiles.JSON.writeValueAsString(s), name(r)));
        }
        for (Resource r : resources(guaranteeLocations)) {
            GuaranteeScheme g = SchemeFiles.guarantee(name(r), read(r));
            loaded.add(new Loaded("GUARANTEE", g.code(), g.version(), g.name(), g.validFrom(), g.validUntil(),
                    SchemeFiles.JSON.writeValueAsString(g), name(r)));
        }
        Map<String, String> seen = new HashMap<>();
        for (Loaded l : loaded) {
            String key = l.kind() + " " + l.code() + " v" + l.version();
            String other = seen.put(key, l.file());
            if (other != null) {
                throw new SchemeFiles.MalformedSchemeException(l.file(), key + " 与 " + other + " 重复");
            }
        }
        int[] written = {0};
        transaction.executeWithoutResult(status -> loaded.forEach(l -> written[0] += store(l)));
        catalog.refresh();
        log.info("Risk-sharing schemes: {} files, {} new or changed", loaded.size(), written[0]);
    }

    private int store(Loaded l) {
        String hash = sha256(l.json());
        String stored = jdbc.sql("SELECT content_hash FROM riskshare.scheme_version WHERE kind = ? AND code = ? "
                + "AND version = ?").params(l.kind(), l.code(), l.version()).query(String.class).optional()
                .orElse(null);
        if (hash.equals(stored)) {
            return 0;
        }
        if (stored != null) {
            long filed = jdbc.sql("SELECT count(*) FROM riskshare.filing WHERE scheme_code = ? AND scheme_version = ? "
                    + "AND status = 'FILED'").params(l.code(), l.version()).query(Long.class).single();
            if (filed > 0) {
                throw new SchemeFiles.MalformedSchemeException(l.file(), l.code() + " 第" + l.version() + "版已有 "
                        + filed + " 笔贷款按其备案，内容不能再改；请以新版本号（version: " + (l.version() + 1)
                        + "）和新的有效期发布修改");
            }
            jdbc.sql("DELETE FROM riskshare.scheme_version WHERE kind = ? AND code = ? AND version = ?")
                    .params(l.kind(), l.code(), l.version()).update();
        }
        jdbc.sql("""
                INSERT INTO riskshare.scheme_version (kind, code, version, name, valid_from, valid_until, content,
                    content_hash, file, loaded_at) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)""")
                .params(l.kind(), l.code(), l.version(), l.name(), Date.valueOf(l.validFrom()),
                        l.validUntil() == null ? null : Date.valueOf(l.validUntil()), l.json(), hash, l.file(),
                        Timestamp.from(clock.instant()))
                .update();
        return 1;
    }

    private static List<Resource> resources(String locations) {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        List<Resource> out = new ArrayList<>();
        for (String location : locations.split(",")) {
            if (location.isBlank()) {
                continue;
            }
            try {
                for (Resource r : resolver.getResources(location.strip())) {
                    if (r.exists() && r.isReadable()) {
                        out.add(r);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + location, e);
            }
        }
        out.sort(java.util.Comparator.comparing(SchemeLoader::name));
        return out;
    }

    private static String name(Resource r) {
        return r.getFilename() == null ? r.getDescription() : r.getFilename();
    }

    private static String read(Resource r) {
        try (var in = r.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + r.getDescription(), e);
        }
    }

    private static String sha256(String s) {
        return org.sanrong.platform.Sha256.hex(s);
    }
}
