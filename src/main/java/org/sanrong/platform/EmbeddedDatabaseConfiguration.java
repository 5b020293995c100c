package org.sanrong.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Starts an embedded PostgreSQL when no {@code spring.datasource.url} is configured. Its data lives in
 * {@code sanrong.data-dir}/pg, so a restart on the same folder keeps everything.
 *
 * <p>With {@code sanrong.embedded-database.shared=true} (the tests) one server per folder is kept for the whole
 * JVM, so every Spring test context shares one instance instead of starting its own.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoExternalUrl.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);
    private static final Map<Path, EmbeddedPostgres> SHARED = new ConcurrentHashMap<>();

    @Bean
    EmbeddedDatabase embeddedDatabase(SanrongProperties properties,
            org.springframework.core.env.Environment env) {
        Path dir = properties.dataDir().toAbsolutePath().resolve("pg");
        boolean shared = env.getProperty("sanrong.embedded-database.shared", Boolean.class, false);
        if (shared) {
            EmbeddedPostgres pg = SHARED.computeIfAbsent(dir, d -> {
                EmbeddedPostgres started = start(d);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(started)));
                return started;
            });
            return new EmbeddedDatabase(pg, false);
        }
        return new EmbeddedDatabase(start(dir), true);
    }

    @Bean
    DataSource dataSource(EmbeddedDatabase database) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.server().getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setMaximumPoolSize(10);
        config.setPoolName("sanrong");
        return new HikariDataSource(config);
    }

    private static EmbeddedPostgres start(Path dir) {
        try {
            Files.createDirectories(dir);
            log.info("Starting embedded PostgreSQL, data in {}", dir);
            return EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setServerConfig("timezone", "Asia/Shanghai")
                    .setServerConfig("max_connections", "100")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dir, e);
        }
    }

    private static void closeQuietly(EmbeddedPostgres pg) {
        try {
            pg.close();
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
    }

    /** The running embedded server; closed with the context unless it is shared by the JVM. */
    record EmbeddedDatabase(EmbeddedPostgres server, boolean ownedByContext) implements AutoCloseable {
        @Override
        public void close() {
            if (ownedByContext) {
                closeQuietly(server);
            }
        }
    }

    static class NoExternalUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("spring.datasource.url");
            return url == null || url.isBlank();
        }
    }
}
