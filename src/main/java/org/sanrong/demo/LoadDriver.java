package org.sanrong.demo;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sanrong.identity.ApiTokens;
import org.sanrong.identity.InstitutionType;
import org.sanrong.identity.OrganisationRegistry;
import org.sanrong.identity.Registration;
import org.sanrong.identity.SignedInUser;
import org.sanrong.reference.UnifiedSocialCreditCode;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

/**
 * The bounded load run's driver ({@code ./sanrong bench load}, and a short smoke run in CI): N simulated users on
 * loopback, each an enterprise of its own, loop the main journeys until the time is up — sign in on the login form,
 * browse the product shelf (page and API), publish a financing demand, read its matches, apply to a lender's product,
 * the lender picks the application up and decides, the enterprise reads its deals, signs out. The API calls carry
 * per-organisation API tokens (as machine clients would; a person's password would cost a bcrypt check per call).
 * Every answer other than the expected status counts as an error. Answers the counts, throughput and latencies.
 */
public final class LoadDriver {

    /** Latencies of one step, in microseconds, and its errors. */
    public record StepFigures(String step, long requests, long errors, double p50Ms, double p99Ms, double maxMs) {
    }

    public record Figures(int users, Duration duration, Duration thinkTime, int rounds, long journeys, long requests, long errors,
            double requestsPerSecond, double journeysPerSecond, double p50Ms, double p99Ms, List<StepFigures> steps,
            List<String> firstErrors) {
    }

    private record Lender(String token, UUID productId) {
    }

    private record User(String username, String token) {
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    static final String PASSWORD = "Load#Bench2026";

    private final String base;
    private final OrganisationRegistry registry;
    private final ApiTokens tokens;
    private final AuthenticationProvider authentication;
    private final Map<String, LongList> latencies = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    private final List<String> firstErrors = Collections.synchronizedList(new ArrayList<>());
    private long thinkMillis;
    private int rounds = 1;

    public LoadDriver(int port, OrganisationRegistry registry, ApiTokens tokens, AuthenticationProvider authentication) {
        this.base = "http://127.0.0.1:" + port;
        this.registry = registry;
        this.tokens = tokens;
        this.authentication = authentication;
    }

    /** Sets up the parties (not timed), runs the users for the duration, answers the figures. */
    public Figures run(int users, Duration duration, Duration rampUp, Duration thinkTime, int rounds, int lenders,
            String govUser, String govPassword) throws InterruptedException {
        this.thinkMillis = thinkTime.toMillis();
        this.rounds = rounds;
        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        List<Lender> shelf = new ArrayList<>();
        for (int i = 0; i < lenders; i++) {
            shelf.add(lender(run, i, govUser, govPassword));
        }
        List<User> people = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService setup = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < users; i++) {
                int n = i;
                setup.submit(() -> people.add(enterprise(run, n)));
            }
        }
        latencies.clear();
        errors.clear();
        firstErrors.clear();
        AtomicLong journeys = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < people.size(); i++) {
                User u = people.get(i);
                long index = i;
                pool.submit(() -> {
                    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                            .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                            .connectTimeout(Duration.ofSeconds(10)).build();
                    // users arrive spread evenly over the ramp-up, not all signing in in the same second
                    think(rampUp.toMillis() * index / Math.max(1, people.size()));
                    while (System.nanoTime() < end) {
                        journeys.addAndGet(session(http, u, shelf, end));
                    }
                    http.close();
                });
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        LongList all = new LongList();
        List<StepFigures> steps = new ArrayList<>();
        long requests = 0;
        long errorCount = 0;
        for (String step : STEPS) {
            LongList l = latencies.getOrDefault(step, new LongList());
            long e = errors.getOrDefault(step, new AtomicLong()).get();
            long[] sorted = l.sorted();
            steps.add(new StepFigures(step, sorted.length, e, pct(sorted, 0.50), pct(sorted, 0.99),
                    sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1000.0));
            all.addAll(l);
            requests += sorted.length;
            errorCount += e;
        }
        long[] sorted = all.sorted();
        return new Figures(users, duration, thinkTime, rounds, journeys.get(), requests, errorCount, requests / seconds,
                journeys.get() / seconds, pct(sorted, 0.50), pct(sorted, 0.99), steps, List.copyOf(firstErrors));
    }

    static final List<String> STEPS = List.of("login page", "sign in", "product shelf page", "products API",
            "publish demand", "matches", "apply", "lender picks up", "lender decides", "my deals", "sign out");

    /**
     * One session: sign in, then up to {@code rounds} journeys (shelf page and API, publish a demand, its matches,
     * apply, the lender picks up and decides, my deals), sign out; a think time before every step as a person reading
     * the page. Answers the journeys completed; a failed step ends the session (the error counted).
     */
    private int session(HttpClient http, User u, List<Lender> shelf, long end) {
        String page = expect(http, "login page", get("/login"), 200);
        if (page == null || !think(thinkMillis)) {
            return 0;
        }
        String signedIn = expectRedirect(http, "sign in", form("/login", Map.of("username", u.username(),
                "password", PASSWORD, "_csrf", csrf(page))), "/");
        if (signedIn == null) {
            return 0;
        }
        int done = 0;
        String csrf = null;
        for (int round = 0; round < rounds && System.nanoTime() < end; round++) {
            Lender lender = shelf.get(ThreadLocalRandom.current().nextInt(shelf.size()));
            think(thinkMillis);
            String shelfPage = expect(http, "product shelf page", get("/products"), 200);
            if (shelfPage == null) {
                return done;
            }
            csrf = csrf(shelfPage);
            think(thinkMillis);
            if (expect(http, "products API", api(u.token(), "GET", "/api/v1/products?pageSize=20", null), 200) == null
                    || !think(thinkMillis)) {
                return done;
            }
            String demand = expect(http, "publish demand", api(u.token(), "POST", "/api/v1/demands?publish=true", """
                    {"amountFen": 300000000, "purpose": "压力测试：研发与样机试制", "purposeCategory": "RESEARCH",
                     "termMonths": 12, "kinds": ["DEBT"], "maxAnnualRatePercent": 8, "collateral": ["NONE"],
                     "neededBy": "%s", "visibility": "ALL", "oneLenderAtATime": false}"""
                    .formatted(LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(60))), 201);
            String demandId = demand == null ? null : id(demand);
            think(thinkMillis);
            if (demandId == null || expect(http, "matches", api(u.token(), "GET", "/api/v1/demands/" + demandId
                    + "/matches", null), 200) == null) {
                return done;
            }
            think(thinkMillis);
            String deal = expect(http, "apply", api(u.token(), "POST", "/api/v1/deals", """
                    {"productId": "%s", "demandId": "%s", "shareData": false}"""
                    .formatted(lender.productId(), demandId)), 201);
            String dealId = deal == null ? null : id(deal);
            think(thinkMillis);
            if (dealId == null
                    || expect(http, "lender picks up", api(lender.token(), "POST", "/api/v1/deals/" + dealId
                            + "/pickup", null), 200) == null
                    || !think(thinkMillis)
                    || expect(http, "lender decides", api(lender.token(), "POST", "/api/v1/deals/" + dealId
                            + "/decision", "{\"decision\": \"DECLINE\", \"reason\": \"QUALIFICATION\"}"), 200) == null
                    || !think(thinkMillis)
                    || expect(http, "my deals", api(u.token(), "GET", "/api/v1/deals?pageSize=20", null), 200) == null) {
                return done;
            }
            done++;
        }
        if (csrf != null) {
            think(thinkMillis);
            expectRedirect(http, "sign out", form("/logout", Map.of("_csrf", csrf)), "/login");
        }
        return done;
    }

    private static boolean think(long millis) {
        if (millis <= 0) {
            return true;
        }
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).GET();
    }

    private HttpRequest.Builder form(String path, Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(enc(k)).append('=').append(enc(v)));
        return HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    }

    private HttpRequest.Builder api(String token, String method, String path, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization",
                "Bearer " + token).header("Accept", "application/json");
        if (json == null) {
            return b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
    }

    private String expect(HttpClient http, String step, HttpRequest.Builder request, int status) {
        HttpResponse<String> r = send(http, step, request);
        if (r == null) {
            return null;
        }
        if (r.statusCode() != status) {
            error(step, r.statusCode() + " " + abbreviate(r.body()));
            return null;
        }
        return r.body();
    }

    private String expectRedirect(HttpClient http, String step, HttpRequest.Builder request, String prefix) {
        HttpResponse<String> r = send(http, step, request);
        if (r == null) {
            return null;
        }
        String location = r.headers().firstValue("Location").orElse("");
        String path = location.replaceFirst("^https?://[^/]+", "");
        if (r.statusCode() != 302 || !path.startsWith(prefix) || path.contains("error")) {
            error(step, r.statusCode() + " -> " + location);
            return null;
        }
        return location;
    }

    private HttpResponse<String> send(HttpClient http, String step, HttpRequest.Builder request) {
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            latencies.computeIfAbsent(step, s -> new LongList()).add((System.nanoTime() - t0) / 1000);
            return r;
        } catch (IOException e) {
            latencies.computeIfAbsent(step, s -> new LongList()).add((System.nanoTime() - t0) / 1000);
            error(step, e.toString());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private void error(String step, String what) {
        errors.computeIfAbsent(step, s -> new AtomicLong()).incrementAndGet();
        if (firstErrors.size() < 20) {
            firstErrors.add(step + ": " + what);
        }
    }

    // ---- set-up (not timed) ------------------------------------------------------------------------------------

    private User enterprise(String run, int n) {
        String username = "ld" + run + "e" + n;
        registry.register(new Registration("东莞压测" + run + "号" + n + "科技有限公司", creditCode(), null, "压测联系人",
                "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000)), username, "压测企业" + n,
                PASSWORD));
        return new User(username, token(username));
    }

    private Lender lender(String run, int n, String govUser, String govPassword) {
        String username = "ld" + run + "b" + n;
        UUID id = registry.register(new Registration("压测" + run + "银行" + n, creditCode(), InstitutionType.BANK,
                "压测经理", "138" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000)), username,
                "压测经理" + n, PASSWORD));
        registry.approve(id, "load-bench");
        String token = token(username);
        HttpClient http = HttpClient.newHttpClient();
        String created = setupCall(http, api(token, "POST", "/api/v1/products", """
                {"type": "CREDIT_LOAN", "name": "压测%s信用贷%d", "description": "压测用的科创信用贷款",
                 "terms": {"minAmountFen": 10000000, "maxAmountFen": 10000000000, "minTermMonths": 1,
                           "maxTermMonths": 60, "minRate": 3.2, "maxRate": 6.0},
                 "criteria": {}, "collateralNeeds": "无", "materials": "营业执照",
                 "validFrom": "2025-01-01", "validUntil": "2099-12-31",
                 "contactName": "压测经理", "contactPhone": "0769-22000001"}""".formatted(run, n)), 201);
        String product = id(created);
        setupCall(http, api(token, "POST", "/api/v1/products/" + product + "/submission", null), 200);
        String basic = java.util.Base64.getEncoder().encodeToString((govUser + ":" + govPassword)
                .getBytes(StandardCharsets.UTF_8));
        setupCall(http, HttpRequest.newBuilder(URI.create(base + "/api/v1/products/" + product + "/approval"))
                .header("Authorization", "Basic " + basic).header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody()), 200);
        return new Lender(token, UUID.fromString(product));
    }

    private String token(String username) {
        SignedInUser user = (SignedInUser) authentication.authenticate(UsernamePasswordAuthenticationToken
                .unauthenticated(username, PASSWORD)).getPrincipal();
        return tokens.create("压测", user).token();
    }

    private static String setupCall(HttpClient http, HttpRequest.Builder request, int status) {
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != status) {
                throw new IllegalStateException("load run set-up failed: " + r.statusCode() + " " + r.body());
            }
            return r.body();
        } catch (IOException e) {
            throw new IllegalStateException("load run set-up failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String creditCode() {
        StringBuilder b = new StringBuilder("91441900");
        ThreadLocalRandom r = ThreadLocalRandom.current();
        for (int i = 0; i < 9; i++) {
            b.append(UnifiedSocialCreditCode.ALPHABET.charAt(r.nextInt(UnifiedSocialCreditCode.ALPHABET.length())));
        }
        return b.append(UnifiedSocialCreditCode.checkCharacter(b.toString())).toString();
    }

    private static String csrf(String page) {
        Matcher m = CSRF.matcher(page);
        return m.find() ? m.group(1) : "";
    }

    private static String id(String json) {
        Matcher m = ID.matcher(json);
        return m.find() ? m.group(1) : null;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1000.0;
    }

    /** A growable list of longs, synchronised (one per step, written by every user). */
    static final class LongList {
        private long[] values = new long[1024];
        private int size;

        synchronized void add(long v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        synchronized void addAll(LongList other) {
            long[] o = other.sorted();
            for (long v : o) {
                add(v);
            }
        }

        synchronized long[] sorted() {
            long[] copy = Arrays.copyOf(values, size);
            Arrays.sort(copy);
            return copy;
        }
    }

    /** For the printed report and docs: the figures as a table. */
    public static String report(Figures f) {
        StringBuilder s = new StringBuilder();
        s.append(String.format("users %d, %d s, think time %d ms, %d journeys per sign-in: %,d journeys (%.1f/s), "
                + "%,d requests (%.1f/s), errors %d, p50 %.1f ms, p99 %.1f ms%n", f.users(), f.duration().toSeconds(),
                f.thinkTime().toMillis(), f.rounds(), f.journeys(),
                f.journeysPerSecond(), f.requests(), f.requestsPerSecond(), f.errors(), f.p50Ms(), f.p99Ms()));
        s.append("| step | requests | errors | p50 ms | p99 ms | max ms |\n| --- | ---: | ---: | ---: | ---: | ---: |\n");
        for (StepFigures st : f.steps()) {
            s.append(String.format("| %s | %,d | %d | %.1f | %.1f | %.1f |%n", st.step(), st.requests(), st.errors(),
                    st.p50Ms(), st.p99Ms(), st.maxMs()));
        }
        f.firstErrors().forEach(e -> s.append("error: ").append(e).append('\n'));
        return s.toString();
    }

}
