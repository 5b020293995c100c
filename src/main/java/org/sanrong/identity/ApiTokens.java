package org.sanrong.identity;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.commons.codec.binary.Base32;
import org.jspecify.annotations.Nullable;
import org.sanrong.audit.AuditEntry.Outcome;
import org.sanrong.audit.AuditTrail;
import org.sanrong.platform.InvalidRequestException;
import org.sanrong.platform.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API 令牌: how an organisation's own systems call the API when people log in with two factors. The organisation's
 * admin creates, lists and revokes them; a token is shown once and only its SHA-256 is kept. A request with
 * {@code Authorization: Bearer srk_…} (or HTTP Basic with user {@code token} and the token as password) acts as the
 * member who created it.
 */
@Service
public class ApiTokens {

    public static final String PREFIX = "srk_";
    private static final SecureRandom RANDOM = new SecureRandom();

    public record NewToken(UUID id, String token) {
    }

    public record TokenView(UUID id, String name, String prefix, String createdBy, Instant createdAt,
            @Nullable Instant lastUsedAt, @Nullable Instant revokedAt) {
        public boolean active() {
            return revokedAt == null;
        }
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    ApiTokens(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public NewToken create(@Nullable String name, SignedInUser admin) {
        requireAdmin(admin);
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 50) {
            throw new InvalidRequestException("name", "请填写令牌用途（1至50个字）");
        }
        byte[] random = new byte[20];
        RANDOM.nextBytes(random);
        String token = PREFIX + new Base32().encodeToString(random).replace("=", "").toLowerCase(java.util.Locale.ROOT);
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO identity.api_token (id, organisation_id, name, prefix, token_hash, created_by, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(id, admin.organisationId(), n, token.substring(0, 10), TwoFactor.sha256(token),
                        admin.username(), Timestamp.from(clock.instant())).update();
        audit.record(admin.username(), admin.organisationId(), "CREATE_API_TOKEN", "api-token:" + id,
                Outcome.SUCCESS, n);
        return new NewToken(id, token);
    }

    @Transactional(readOnly = true)
    public List<TokenView> list(SignedInUser admin) {
        requireAdmin(admin);
        return jdbc.sql("SELECT * FROM identity.api_token WHERE organisation_id = ? ORDER BY created_at DESC")
                .param(admin.organisationId()).query((rs, i) -> new TokenView(rs.getObject("id", UUID.class),
                        rs.getString("name"), rs.getString("prefix"), rs.getString("created_by"),
                        rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("last_used_at")),
                        instant(rs.getTimestamp("revoked_at")))).list();
    }

    @Transactional
    public void revoke(UUID id, SignedInUser admin) {
        requireAdmin(admin);
        int n = jdbc.sql("UPDATE identity.api_token SET revoked_at = ? WHERE id = ? AND organisation_id = ? AND "
                + "revoked_at IS NULL").params(Timestamp.from(clock.instant()), id, admin.organisationId()).update();
        if (n == 0) {
            throw new NotFoundException("令牌不存在或已撤销");
        }
        audit.record(admin.username(), admin.organisationId(), "REVOKE_API_TOKEN", "api-token:" + id,
                Outcome.SUCCESS, null);
    }

    /** The username a live token acts as (noting its use to the minute); empty for an unknown or revoked token. */
    @Transactional
    public Optional<String> actingUser(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        var live = jdbc.sql("SELECT id, created_by, last_used_at FROM identity.api_token WHERE token_hash = ? "
                + "AND revoked_at IS NULL").param(org.sanrong.platform.Sha256.hex(token)).query().listOfRows();
        if (live.isEmpty()) {
            return Optional.empty();
        }
        // a machine client calls many times a minute: note its use at most once a minute, not a write per call
        Instant now = clock.instant();
        Object last = live.getFirst().get("last_used_at");
        if (last == null || ((Timestamp) last).toInstant().isBefore(now.minusSeconds(60))) {
            jdbc.sql("UPDATE identity.api_token SET last_used_at = ? WHERE id = ?")
                    .params(Timestamp.from(now), live.getFirst().get("id")).update();
        }
        return Optional.of((String) live.getFirst().get("created_by"));
    }

    private static void requireAdmin(SignedInUser user) {
        if (!user.organisationAdmin()) {
            throw new AccessDeniedException("只有本组织管理员可以管理 API 令牌");
        }
    }

    private static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
