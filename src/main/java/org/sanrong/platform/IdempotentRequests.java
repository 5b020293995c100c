package org.sanrong.platform;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Idempotency-Key for API POSTs that create records (IETF draft "The Idempotency-Key HTTP Header Field"): the first
 * request with a key runs and its response is kept; a retry with the same key and the same body gets that response
 * again (header {@code Idempotent-Replayed: true}) and changes nothing; the same key with another body is refused
 * with 422. Two identical requests at the same moment: the database makes the second wait for the first and then
 * replays it. A request that fails keeps no key, so it may be retried.
 */
@Component
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    IdempotentRequests(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Runs {@code create} once per key within {@code scope} (the caller's organisation and the endpoint, so keys of
     * different clients never meet). Without a key it simply runs.
     */
    @Transactional
    public ResponseEntity<?> once(@Nullable String key, String scope, Object request,
            Supplier<? extends ResponseEntity<?>> create) {
        if (key == null) {
            return create.get();
        }
        if (key.isBlank() || key.length() > 200) {
            throw new InvalidRequestException(HEADER, "Idempotency-Key 须为1至200个字符");
        }
        String hash = sha256(json.writeValueAsString(request));
        int claimed = jdbc.sql("INSERT INTO platform.idempotent_request (scope, key, request_hash, status, body, "
                + "created_at) VALUES (?, ?, ?, 0, '', ?) ON CONFLICT DO NOTHING")
                .params(scope, key, hash, Timestamp.from(clock.instant())).update();
        if (claimed == 0) {
            Stored stored = jdbc.sql("SELECT request_hash, status, location, body FROM platform.idempotent_request "
                    + "WHERE scope = ? AND key = ?").params(scope, key)
                    .query((rs, n) -> new Stored(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4)))
                    .single();
            if (!stored.hash().equals(hash)) {
                throw InvalidRequestException.unprocessable(HEADER, "该 Idempotency-Key 已用于另一个不同的请求");
            }
            ResponseEntity.BodyBuilder replay = ResponseEntity.status(stored.status())
                    .header("Idempotent-Replayed", "true").contentType(MediaType.APPLICATION_JSON);
            if (stored.location() != null) {
                replay.header(HttpHeaders.LOCATION, stored.location());
            }
            return replay.body(stored.body());
        }
        ResponseEntity<?> response = create.get();
        URI location = response.getHeaders().getLocation();
        jdbc.sql("UPDATE platform.idempotent_request SET status = ?, location = ?, body = ? WHERE scope = ? AND key = ?")
                .params(response.getStatusCode().value(), location == null ? null : location.toString(),
                        response.getBody() == null ? "" : json.writeValueAsString(response.getBody()), scope, key)
                .update();
        return response;
    }

    private record Stored(String hash, int status, @Nullable String location, String body) {
    }

    private static String sha256(String s) {
        return org.sanrong.platform.Sha256.hex(s);
    }
}
