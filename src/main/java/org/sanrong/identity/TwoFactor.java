package org.sanrong.identity;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.sanrong.audit.AuditEntry.Outcome;
import org.sanrong.audit.AuditTrail;
import org.sanrong.platform.DatabaseMode;
import org.sanrong.platform.InvalidRequestException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 双因素登录 (等保 8.1.4.1 d: two or more authentication techniques, one of them cryptographic): after the password, a
 * TOTP code from an authenticator app, or one of ten single-use recovery codes. Required for the roles in
 * {@code sanrong.security.mfa-roles} (default GOV, INSTITUTION, ADMIN) when {@code sanrong.security.mfa} is on — by
 * default on with an external database and off on the embedded demo database, which {@code ./sanrong run --mfa}
 * turns on.
 */
@Service
public class TwoFactor {

    /** Session attribute set once the second factor passed. */
    public static final String PASSED = "sanrong.mfa.passed";
    private static final int RECOVERY_CODES = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final boolean enabled;
    private final Set<Role> roles;

    TwoFactor(JdbcClient jdbc, AuditTrail audit, Clock clock, DatabaseMode database,
            @Value("${sanrong.security.mfa:#{null}}") @Nullable Boolean mfa,
            @Value("${sanrong.security.mfa-roles:GOV,INSTITUTION,ADMIN,SYSTEM_ADMIN,SECURITY_ADMIN,AUDITOR}")
            Set<Role> roles) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.enabled = mfa != null ? mfa : !database.embedded();
        this.roles = Set.copyOf(roles);
    }

    public boolean enabled() {
        return enabled;
    }

    /** Whether this user must pass a second factor before using the platform. */
    public boolean requiredFor(SignedInUser user) {
        return enabled && user.roles().stream().anyMatch(roles::contains);
    }

    public boolean enrolled(String username) {
        return jdbc.sql("SELECT totp_enabled_at IS NOT NULL FROM identity.account WHERE username = ?")
                .param(username).query(Boolean.class).optional().orElse(false);
    }

    /** A new secret kept pending until {@link #confirm} proves the app has it; answers it and the otpauth URI. */
    @Transactional
    public Enrolment begin(SignedInUser user) {
        if (enrolled(user.username())) {
            throw InvalidRequestException.conflict("code", "已启用双因素登录");
        }
        String secret = Totp.newSecret();
        jdbc.sql("UPDATE identity.account SET totp_secret = ? WHERE username = ?").params(secret, user.username())
                .update();
        String label = "三融:" + user.username();
        String uri = "otpauth://totp/" + java.net.URLEncoder.encode(label, StandardCharsets.UTF_8).replace("+", "%20")
                + "?secret=" + secret + "&issuer=" + java.net.URLEncoder.encode("三融", StandardCharsets.UTF_8)
                + "&digits=6&period=30";
        return new Enrolment(secret, uri);
    }

    public record Enrolment(String secret, String uri) {
    }

    /** Checks the first code against the pending secret, enables it and answers ten recovery codes, shown once. */
    @Transactional
    public List<String> confirm(SignedInUser user, String code) {
        String secret = jdbc.sql("SELECT totp_secret FROM identity.account WHERE username = ? AND totp_enabled_at "
                + "IS NULL").param(user.username()).query(String.class).optional()
                .orElseThrow(() -> InvalidRequestException.conflict("code", "请先生成密钥"));
        long step = Totp.matchingStep(secret, code, clock.instant(), -1);
        if (step < 0) {
            audit.recordIndependently(user.username(), user.organisationId(), "MFA_ENROL", "account:"
                    + user.username(), Outcome.FAILURE, "验证码不正确");
            throw new InvalidRequestException("code", "验证码不正确，请核对手机时间后重试");
        }
        UUID account = accountId(user.username());
        jdbc.sql("UPDATE identity.account SET totp_enabled_at = ?, totp_last_step = ? WHERE id = ?")
                .params(Timestamp.from(clock.instant()), step, account).update();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            String c = recoveryCode();
            codes.add(c);
            jdbc.sql("INSERT INTO identity.recovery_code (account_id, code_hash) VALUES (?, ?)")
                    .params(account, sha256(c)).update();
        }
        audit.record(user.username(), user.organisationId(), "MFA_ENROL", "account:" + user.username(),
                Outcome.SUCCESS, null);
        return codes;
    }

    /** A TOTP code (each works once) or an unused recovery code; every attempt audited. */
    @Transactional
    public boolean verify(SignedInUser user, String code) {
        String typed = code == null ? "" : code.strip().replace(" ", "").replace("-", "").toUpperCase(
                java.util.Locale.ROOT);
        var row = jdbc.sql("SELECT id, totp_secret, totp_last_step FROM identity.account WHERE username = ? AND "
                + "totp_enabled_at IS NOT NULL FOR UPDATE").param(user.username()).query().listOfRows();
        boolean ok = false;
        String how = "验证码";
        if (!row.isEmpty()) {
            UUID account = (UUID) row.getFirst().get("id");
            Long last = (Long) row.getFirst().get("totp_last_step");
            long step = Totp.matchingStep((String) row.getFirst().get("totp_secret"), typed, clock.instant(),
                    last == null ? -1 : last);
            if (step >= 0) {
                jdbc.sql("UPDATE identity.account SET totp_last_step = ? WHERE id = ?").params(step, account).update();
                ok = true;
            } else if (typed.length() == 10) {
                how = "恢复码";
                ok = jdbc.sql("UPDATE identity.recovery_code SET used_at = ? WHERE account_id = ? AND code_hash = ? "
                        + "AND used_at IS NULL").params(Timestamp.from(clock.instant()), account, sha256(typed))
                        .update() == 1;
            }
        }
        if (ok) {
            audit.record(user.username(), user.organisationId(), "MFA_LOGIN", "account:" + user.username(),
                    Outcome.SUCCESS, how);
        } else {
            audit.recordIndependently(user.username(), user.organisationId(), "MFA_LOGIN", "account:"
                    + user.username(), Outcome.FAILURE, "验证码或恢复码不正确");
        }
        return ok;
    }

    public long recoveryCodesLeft(String username) {
        return jdbc.sql("SELECT count(*) FROM identity.recovery_code r JOIN identity.account a ON a.id = r.account_id "
                + "WHERE a.username = ? AND r.used_at IS NULL").param(username).query(Long.class).single();
    }

    private UUID accountId(String username) {
        return jdbc.sql("SELECT id FROM identity.account WHERE username = ?").param(username).query(UUID.class)
                .single();
    }

    /** Ten characters from an alphabet without look-alikes, shown as XXXXX-XXXXX. */
    private static String recoveryCode() {
        String alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
        return RANDOM.ints(10, 0, alphabet.length()).mapToObj(i -> String.valueOf(alphabet.charAt(i)))
                .collect(Collectors.joining());
    }

    static String sha256(String s) {
        return org.sanrong.platform.Sha256.hex(s);
    }
}
