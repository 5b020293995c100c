package org.sanrong.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.sanrong.identity.ApiTokens;
import org.sanrong.identity.OrganisationRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.stereotype.Component;

/**
 * {@code ./sanrong bench load}: the bounded load run (issue 12 item 12) on the started platform with its demo data —
 * {@code sanrong.bench.users} simulated users (default 200) for {@code sanrong.bench.duration} (default PT5M) over
 * loopback through {@link LoadDriver} — then, as the ceiling of the same machine, {@code pgbench -S} (select-only,
 * {@code sanrong.bench.pgbench-clients} clients, default 10 like the application's pool, for
 * {@code sanrong.bench.pgbench-seconds}) against the same embedded PostgreSQL. Prints both, exits 1 on any error.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "sanrong.bench", havingValue = "load")
class LoadBench implements ApplicationRunner {

    private final ConfigurableApplicationContext context;
    private final OrganisationRegistry registry;
    private final ApiTokens tokens;
    private final AuthenticationProvider authentication;
    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final int users;
    private final Duration duration;
    private final int lenders;
    private final Duration thinkTime;
    private final Duration rampUp;
    private final int rounds;
    private final int pgbenchClients;
    private final int pgbenchSeconds;
    private final String pgbench;

    LoadBench(ConfigurableApplicationContext context, OrganisationRegistry registry, ApiTokens tokens,
            AuthenticationProvider authentication, DataSource dataSource, JdbcClient jdbc,
            @Value("${sanrong.bench.users:200}") int users,
            @Value("${sanrong.bench.duration:PT5M}") Duration duration,
            @Value("${sanrong.bench.ramp-up:PT60S}") Duration rampUp,
            @Value("${sanrong.bench.think-time:PT5S}") Duration thinkTime,
            @Value("${sanrong.bench.rounds:5}") int rounds,
            @Value("${sanrong.bench.lenders:10}") int lenders,
            @Value("${sanrong.bench.pgbench-clients:10}") int pgbenchClients,
            @Value("${sanrong.bench.pgbench-seconds:60}") int pgbenchSeconds,
            @Value("${sanrong.bench.pgbench:}") String pgbench) {
        this.context = context;
        this.registry = registry;
        this.tokens = tokens;
        this.authentication = authentication;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.users = users;
        this.duration = duration;
        this.lenders = lenders;
        this.thinkTime = thinkTime;
        this.rampUp = rampUp;
        this.rounds = rounds;
        this.pgbenchClients = pgbenchClients;
        this.pgbenchSeconds = pgbenchSeconds;
        this.pgbench = pgbench;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        say("load run: %d users, %s (ramp-up %s), think time %s, %d journeys per sign-in, %d lenders, http://127.0.0.1:%d, "
                + "%d CPUs, heap max %d MiB", users, duration, rampUp, thinkTime, rounds, lenders, port, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        long enterprises = jdbc.sql("SELECT count(*) FROM enterprise.enterprise").query(Long.class).single();
        long demands = jdbc.sql("SELECT count(*) FROM demand.financing_demand").query(Long.class).single();
        say("demo data: %,d enterprises, %,d demands", enterprises, demands);
        LoadDriver.Figures f = new LoadDriver(port, registry, tokens, authentication).run(users, duration, rampUp, thinkTime, rounds, lenders,
                "gov", DemoData.PASSWORD);
        System.out.println(LoadDriver.report(f));
        pgbench();
        int code = f.errors() == 0 ? 0 : 1;
        System.exit(SpringApplication.exit(context, () -> code));
    }

    /** pgbench -S against the same server, in a database of its own. */
    private void pgbench() throws IOException, InterruptedException, java.sql.SQLException {
        String binary = pgbench.isBlank() ? findPgbench() : pgbench;
        if (binary == null) {
            say("pgbench: not found (PATH, /usr/lib/postgresql/*/bin); install postgresql-client or pass "
                    + "--sanrong.bench.pgbench=/path/to/pgbench");
            return;
        }
        String url = dataSource.unwrap(com.zaxxer.hikari.HikariDataSource.class).getJdbcUrl();
        Matcher m = Pattern.compile("//([^:/]+):(\\d+)/").matcher(url);
        if (!m.find()) {
            say("pgbench: cannot read host and port from %s", url);
            return;
        }
        String host = m.group(1);
        String port = m.group(2);
        jdbc.sql("DROP DATABASE IF EXISTS sanrong_pgbench").update();
        jdbc.sql("CREATE DATABASE sanrong_pgbench").update();
        String version = exec(List.of(binary, "--version")).strip();
        exec(List.of(binary, "-i", "-q", "-s", "10", "-h", host, "-p", port, "-U", "postgres", "sanrong_pgbench"));
        String out = exec(List.of(binary, "-S", "-c", Integer.toString(pgbenchClients), "-j", "2", "-T",
                Integer.toString(pgbenchSeconds), "-h", host, "-p", port, "-U", "postgres", "sanrong_pgbench"));
        say("%s -S -c %d -j 2 -T %d (scale 10) on the same server:", version, pgbenchClients, pgbenchSeconds);
        out.lines().filter(l -> l.startsWith("tps") || l.startsWith("latency") || l.startsWith("number of "))
                .forEach(l -> say("  %s", l));
        jdbc.sql("DROP DATABASE IF EXISTS sanrong_pgbench").update();
    }

    private static String findPgbench() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, "pgbench"))) {
                return Path.of(dir, "pgbench").toString();
            }
        }
        try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin/pgbench")).filter(Files::isExecutable).map(Path::toString)
                    .findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static String exec(List<String> command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(command);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
        }
        return out;
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(format, args));
    }
}
