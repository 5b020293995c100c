package org.sanrong.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
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
 * JVM, so every Spring test context shares one instance instead of starting its own; the folder is emptied before
 * that server first starts, so each test run begins on a fresh database.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoExternalUrl.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);
    /** Shared servers by folder, with the number of contexts using each; the last one out stops it. */
    private static final Map<Path, Shared> SHARED = new HashMap<>();
    private static final Set<Path> EMPTIED = new HashSet<>();

    private static final class Shared {
        final EmbeddedPostgres server;
        int users;

        Shared(EmbeddedPostgres server) {
            this.server = server;
        }
    }

    @Bean
    EmbeddedDatabase embeddedDatabase(SanrongProperties properties,
            org.springframework.core.env.Environment env) {
        Path dir = properties.dataDir().toAbsolutePath().resolve("pg");
        boolean shared = env.getProperty("sanrong.embedded-database.shared", Boolean.class, false);
        if (shared) {
            synchronized (SHARED) {
                if (EMPTIED.add(dir)) {
                    deleteRecursively(dir);
                }
                Shared server = SHARED.computeIfAbsent(dir, d -> new Shared(start(d)));
                server.users++;
                return new EmbeddedDatabase(server.server, () -> release(dir));
            }
        }
        EmbeddedPostgres server = start(dir);
        return new EmbeddedDatabase(server, () -> closeQuietly(server));
    }

    @Bean
    DataSource dataSource(EmbeddedDatabase database) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.server().getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setMaximumPoolSize(10);
        // during a database outage a request should fail fast (503), not wait half a minute for a connection
        config.setConnectionTimeout(5_000);
        config.setPoolName("sanrong");
        return new HikariDataSource(config);
    }

    private static EmbeddedPostgres start(Path dir) {
        try {
            Files.createDirectories(dir);
            stopLeftoverServer(dir);
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

    /**
     * A platform killed outright (SIGKILL, OOM killer) leaves its embedded PostgreSQL running on the folder, since
     * the server daemonises; the next start would then be refused ("another server might be running"). The server
     * named by the folder's pid file is stopped first — only if it is a postgres process serving this very folder,
     * so a pid reused by something else is left alone. SIGTERM is a smart shutdown; its clients died with the JVM.
     */
    static void stopLeftoverServer(Path dir) throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().strip());
        } catch (RuntimeException unreadable) {
            return; // PostgreSQL itself deals with a stale or torn pid file
        }
        String folder = dir.toAbsolutePath().normalize().toString();
        ProcessHandle.of(pid)
                .filter(h -> h.info().commandLine().map(c -> c.contains("postgres")
                        && (c.contains(folder) || c.contains(dir.toString())))
                        .orElse(false))
                .ifPresent(server -> {
                    log.warn("Stopping the embedded PostgreSQL (pid {}) left running on {} by a platform that did "
                            + "not shut down", pid, folder);
                    server.destroy();
                    try {
                        server.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (java.util.concurrent.TimeoutException slow) {
                        server.destroyForcibly();
                        server.onExit().join();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while stopping the leftover PostgreSQL", e);
                    } catch (java.util.concurrent.ExecutionException e) {
                        throw new IllegalStateException(e);
                    }
                });
    }

    private static void release(Path dir) {
        synchronized (SHARED) {
            Shared server = SHARED.get(dir);
            if (server != null && --server.users == 0) {
                SHARED.remove(dir);
                closeQuietly(server.server);
            }
        }
    }

    private static void deleteRecursively(Path dir) {
        try {
            org.springframework.util.FileSystemUtils.deleteRecursively(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not empty " + dir, e);
        }
    }

    private static void closeQuietly(EmbeddedPostgres pg) {
        try {
            pg.close();
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
    }

    /**
     * The running embedded server. Spring closes it after the data source (which depends on it), so the pool never
     * talks to a stopped server.
     */
    record EmbeddedDatabase(EmbeddedPostgres server, Runnable onClose) implements AutoCloseable {
        @Override
        public void close() {
            onClose.run();
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
