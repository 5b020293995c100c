package org.sanrong.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.sanrong.identity.ApiTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The declared access matrix, {@code docs/security/access-matrix.csv}, against the running application (issue 12
 * item 4). Every route — each handler mapping's method and path, and each operation of the OpenAPI document — must
 * have a row, and every row a route; then each route is called as an anonymous caller and as each role's demo
 * account, and what happens must be what the row says.
 *
 * <p>"Allowed" (Y) means the request got past authentication and every role check the route makes before it looks at
 * the object the path names: the answer is not 401, not 403, and (for pages) not a redirect to the login page. Path
 * variables are filled with a fresh random value of the parameter's type (a UUID for ids), so an allowed role mostly
 * meets 404 or 400 — which object a role may touch is {@code ObjectAccessTest}'s business. Required query
 * parameters, headers, JSON bodies ({@code {}}) and file parts are supplied, so that binding cannot answer 400 before
 * a method's {@code @PreAuthorize} has run.
 *
 * <p>Generator: every run writes the observed matrix to {@code target/access-matrix-observed.csv} and the rows of
 * routes missing from the declared matrix to {@code target/access-matrix-missing.csv} (also printed), for review and
 * appending at merge; {@code -Dsanrong.access-matrix.write=true} rewrites the declared file from what was observed.
 */
@SanrongTest
class AccessMatrixTest {

    static final Path MATRIX = Path.of("docs/security/access-matrix.csv");
    static final String HEADER = "method,path,kind,anonymous,ENTERPRISE,INSTITUTION,GOV,ADMIN,SYSTEM_ADMIN,"
            + "SECURITY_ADMIN,AUDITOR";
    /** The callers, in column order: null is anonymous; the others are the demo accounts of each role. */
    static final List<String> CALLERS = java.util.Arrays.asList(null, "enterprise", "bank", "gov", "admin",
            "sysadmin", "secadmin", "auditor");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(?::([^}]*))?}");

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    ApiTokens apiTokens;

    @Autowired
    AuthenticationProvider authentication;

    /** One route: a method and a path pattern with how to build a request that binds. */
    record Route(String method, String path, boolean api, String pattern, Map<String, String> variables,
            Map<String, String> query, Map<String, String> headers, String body, List<String> parts) {

        String key() {
            return method + " " + path;
        }
    }

    @Test
    void everyRouteIsDeclaredAndEveryCallMatchesTheMatrix() throws IOException {
        Map<String, Route> routes = routes();
        Map<String, String[]> declared = declared();

        List<String> problems = new ArrayList<>();
        for (String key : declared.keySet()) {
            if (!routes.containsKey(key)) {
                problems.add("matrix row for a route that no longer exists: " + key);
            }
        }

        Map<String, RouteCaller> callers = new LinkedHashMap<>();
        for (String user : CALLERS) {
            callers.put(user == null ? "anonymous" : user, new RouteCaller(port, user, authentication, apiTokens));
        }
        Map<String, String[]> observed = new TreeMap<>();
        int calls = 0;
        int mismatches = 0;
        // reads before writes, so that nothing a POST does can change what a GET sees
        List<Route> ordered = routes.values().stream()
                .sorted(java.util.Comparator.comparing((Route r) -> !r.method().equals("GET"))
                        .thenComparing(Route::key))
                .toList();
        for (Route route : ordered) {
            String[] row = new String[CALLERS.size()];
            int column = 0;
            for (RouteCaller caller : callers.values()) {
                row[column++] = caller.allowed(route) ? "Y" : "N";
                calls++;
            }
            observed.put(route.key(), row);
            String[] expected = declared.get(route.key());
            if (expected == null) {
                continue;
            }
            for (int i = 0; i < row.length; i++) {
                if (!row[i].equals(expected[i])) {
                    mismatches++;
                    problems.add(route.key() + " as " + (CALLERS.get(i) == null ? "anonymous" : CALLERS.get(i))
                            + ": declared " + expected[i] + ", observed " + row[i]);
                }
            }
        }

        List<String> missing = new ArrayList<>();
        StringBuilder all = new StringBuilder(HEADER).append('\n');
        for (var e : observed.entrySet()) {
            Route r = routes.get(e.getKey());
            String line = r.method() + "," + r.path() + "," + (r.api() ? "api" : "page") + ","
                    + String.join(",", e.getValue());
            all.append(line).append('\n');
            if (!declared.containsKey(e.getKey())) {
                missing.add(line);
            }
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/access-matrix-observed.csv"), all);
        Files.writeString(Path.of("target/access-matrix-missing.csv"),
                HEADER + "\n" + String.join("\n", missing) + (missing.isEmpty() ? "" : "\n"));
        if (Boolean.getBoolean("sanrong.access-matrix.write")) {
            Files.writeString(MATRIX, all);
        }
        if (!missing.isEmpty()) {
            System.out.println("AccessMatrixTest: routes missing from " + MATRIX + " (rows as observed, review before"
                    + " appending):\n" + HEADER + "\n" + String.join("\n", missing));
            missing.forEach(m -> problems.add("route missing from the matrix: " + m));
        }
        System.out.println("AccessMatrixTest: " + routes.size() + " routes × " + CALLERS.size() + " callers = " + calls
                + " calls, " + mismatches + " mismatches, " + missing.size() + " routes missing from the matrix");
        assertThat(routes.size()).as("routes found").isGreaterThan(300);
        assertThat(problems).as(String.join("\n", problems.subList(0, Math.min(60, problems.size())))).isEmpty();
    }

    /** The declared rows by "METHOD path". */
    static Map<String, String[]> declared() throws IOException {
        Map<String, String[]> rows = new LinkedHashMap<>();
        List<String> lines = Files.exists(MATRIX) ? Files.readAllLines(MATRIX) : List.of(HEADER);
        assertThat(lines.get(0)).as("matrix header").isEqualTo(HEADER);
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split(",", -1);
            assertThat(cells).as("cells of " + line).hasSize(3 + CALLERS.size());
            for (int i = 3; i < cells.length; i++) {
                assertThat(cells[i]).as("Y or N in " + line).isIn("Y", "N");
            }
            String[] row = java.util.Arrays.copyOfRange(cells, 3, cells.length);
            assertThat(rows.put(cells[0] + " " + cells[1], row)).as("duplicate row " + line).isNull();
        }
        return rows;
    }

    /** Every handler mapping, plus every OpenAPI operation (which must be among them). */
    Map<String, Route> routes() {
        Map<String, Route> routes = handlerRoutes(mappings);
        JsonNode doc = new ObjectMapper().readTree(new RouteCaller(port, null, authentication, apiTokens)
                .send("GET", "/v3/api-docs", Map.of(), null).body());
        List<String> undocumented = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                String key = op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
                if (!routes.containsKey(key)) {
                    undocumented.add(key);
                }
            }
        }
        assertThat(undocumented).as("OpenAPI operations without a handler mapping").isEmpty();
        return routes;
    }

    /** Every handler mapping's method and path, with a request for it that binds. */
    static Map<String, Route> handlerRoutes(RequestMappingHandlerMapping mappings) {
        Map<String, Route> routes = new TreeMap<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = e.getKey();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            List<String> names = methods.isEmpty() ? List.of("GET")
                    : methods.stream().map(Enum::name).sorted().toList();
            for (String pattern : info.getPatternValues()) {
                for (String method : names) {
                    Route r = route(method, pattern, e.getValue());
                    routes.put(r.key(), r);
                }
            }
        }
        return routes;
    }

    /** A request for this handler that binds: typed path values, required parameters, headers and body. */
    static Route route(String method, String pattern, HandlerMethod handler) {
        Map<String, String> variables = new LinkedHashMap<>();
        Map<String, String> query = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>();
        String body = null;
        boolean multipart = false;
        List<String> parts = new ArrayList<>();
        for (MethodParameter p : handler.getMethodParameters()) {
            p.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
            Class<?> type = p.getParameterType();
            PathVariable pv = p.getParameterAnnotation(PathVariable.class);
            RequestParam rp = p.getParameterAnnotation(RequestParam.class);
            RequestHeader rh = p.getParameterAnnotation(RequestHeader.class);
            if (pv != null) {
                variables.put(name(pv.name(), p), value(type));
            } else if (p.hasParameterAnnotation(RequestPart.class) || MultipartFile.class.isAssignableFrom(type)) {
                multipart = true;
                RequestPart part = p.getParameterAnnotation(RequestPart.class);
                parts.add(part != null ? name(part.name(), p) : rp != null ? name(rp.name(), p) : p.getParameterName());
            } else if (rp != null && rp.required() && rp.defaultValue().equals(ValueConstants.DEFAULT_NONE)
                    && !Map.class.isAssignableFrom(type) && type != java.util.Optional.class
                    && !p.isOptional()) {
                query.put(name(rp.name(), p), value(type));
            } else if (rh != null && rh.required() && rh.defaultValue().equals(ValueConstants.DEFAULT_NONE)) {
                headers.put(name(rh.name(), p), UUID.randomUUID().toString());
            } else if (p.hasParameterAnnotation(RequestBody.class)) {
                body = java.util.Collection.class.isAssignableFrom(type) || type.isArray() ? "[]" : "{}";
            }
        }
        if (multipart) {
            body = "multipart";
        }
        String path = VARIABLE.matcher(pattern).replaceAll(m -> "{" + m.group(1) + "}");
        boolean api = pattern.startsWith("/api/");
        return new Route(method, path, api, pattern, variables, query, headers, body, parts);
    }

    private static String name(String declared, MethodParameter p) {
        return declared.isEmpty() ? p.getParameterName() : declared;
    }

    /** A well-formed value of the parameter's type that names nothing that exists. */
    static String value(Class<?> type) {
        if (type == UUID.class) {
            return UUID.randomUUID().toString();
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == java.math.BigDecimal.class) {
            return "2026";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true";
        }
        if (type.isEnum()) {
            return ((Enum<?>) type.getEnumConstants()[0]).name();
        }
        if (type == java.time.LocalDate.class) {
            return "2026-01-01";
        }
        if (type == java.time.YearMonth.class) {
            return "2026-01";
        }
        if (type == java.time.Year.class) {
            return "2026";
        }
        if (type == String.class) {
            return "x";
        }
        // typed ids (records around a UUID) and anything else converted from a string
        return UUID.randomUUID().toString();
    }

    /** Fills a pattern's variables: a typed value, or the first literal of a {name:a|b} alternative. */
    static String fill(Route route) {
        return fill(route, Map.of());
    }

    /** Fills a pattern's variables, taking the given values first (by variable name). */
    static String fill(Route route, Map<String, String> values) {
        Matcher m = VARIABLE.matcher(route.pattern());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = values.containsKey(m.group(1)) ? values.get(m.group(1)) : route.variables().get(m.group(1));
            if (!values.containsKey(m.group(1)) && m.group(2) != null && m.group(2).matches("[\\w-]+(\\|[\\w-]+)*")) {
                v = m.group(2).split("\\|")[0];
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v == null ? UUID.randomUUID().toString() : v));
        }
        m.appendTail(out);
        String path = out.toString().replace("/**", "/x");
        if (!route.query().isEmpty()) {
            path += "?" + String.join("&", route.query().entrySet().stream()
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).toList());
        }
        return path;
    }
}
