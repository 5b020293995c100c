package org.sanrong.riskshare;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.sanrong.credit.CreditRatings;
import org.sanrong.enterprise.EnterpriseBook;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Government's outlook on the compensation pools (issue 9 item 7): the burn rate (compensation paid per month over
 * the last twelve months, and the average of the last three), how many months the pools' free money lasts at that
 * rate, a forecast of claims from the credit profile, and payouts by bank and by town.
 *
 * <p>Forecast: for every filed loan still outstanding and not claimed, expected compensation = PD × its commitment
 * (amount × the ratio it would be compensated at if wholly lost). The credit module publishes scores, not default
 * probabilities, so PD is read off the score by the scorecard's own scaling (docs/credit-scorecard.md: 600 points at
 * good:bad 50:1, 20 points to double the odds): odds = 50 · 2^((score − 600) / 20), PD = 1 / (1 + odds) — the P(bad)
 * the grades are anchored to. An enterprise without a score (no approved model, or not rated) takes the fallback PD
 * {@code sanrong.riskshare.forecast.fallback-pd} (default 0.02); the page says how many loans used it.
 */
@Service
public class GovOutlook {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    private final CreditRatings ratings;
    private final EnterpriseBook enterprises;
    private final Clock clock;
    private final BigDecimal fallbackPd;

    GovOutlook(JdbcClient jdbc, CreditRatings ratings, EnterpriseBook enterprises, Clock clock,
            @Value("${sanrong.riskshare.forecast.fallback-pd:0.02}") BigDecimal fallbackPd) {
        this.jdbc = jdbc;
        this.ratings = ratings;
        this.enterprises = enterprises;
        this.clock = clock;
        this.fallbackPd = fallbackPd;
    }

    /**
     * @param months the last twelve months, oldest first ("2026-01"), with {@code paidFen} per month
     * @param burnFen average compensation paid per month over the last three months
     * @param runwayMonths free pool money ÷ burn, one decimal (null when nothing was paid)
     * @param expectedFen forecast compensation on filed, outstanding, unclaimed loans
     */
    public record Outlook(List<String> months, List<Long> paidFen, long burnFen, @Nullable BigDecimal runwayMonths,
            long expectedFen, long exposureFen, int loans, int scored, BigDecimal fallbackPd,
            Map<String, Long> byBankFen, Map<String, Long> byTownFen) {
    }

    @Transactional(readOnly = true)
    public Outlook outlook(long freeCashFen) {
        YearMonth now = YearMonth.now(clock.withZone(CHINA));
        Map<YearMonth, Long> paid = new TreeMap<>();
        for (int i = 11; i >= 0; i--) {
            paid.put(now.minusMonths(i), 0L);
        }
        Map<String, Long> byBank = new LinkedHashMap<>();
        Map<String, Long> byTown = new TreeMap<>();
        jdbc.sql("""
                SELECT closed_at, institution_name, enterprise_credit_code, entitlement_fen FROM riskshare.claim
                WHERE status = 'PAID' ORDER BY closed_at""")
                .query(rs -> {
                    YearMonth m = YearMonth.from(rs.getTimestamp(1).toInstant().atZone(CHINA));
                    long fen = rs.getLong(4);
                    paid.computeIfPresent(m, (k, v) -> v + fen);
                    byBank.merge(rs.getString(2), fen, Long::sum);
                    String town = enterprises.card(rs.getString(3)).map(c -> c.townName()).orElse(null);
                    byTown.merge(town == null ? "未知" : town, fen, Long::sum);
                });
        List<String> months = paid.keySet().stream().map(YearMonth::toString).toList();
        List<Long> amounts = new ArrayList<>(paid.values());
        long lastThree = amounts.subList(9, 12).stream().mapToLong(Long::longValue).sum();
        long burn = BigDecimal.valueOf(lastThree).divide(BigDecimal.valueOf(3), 0, RoundingMode.HALF_UP)
                .longValueExact();
        BigDecimal runway = burn == 0 ? null : BigDecimal.valueOf(freeCashFen).divide(BigDecimal.valueOf(burn), 1,
                RoundingMode.HALF_UP);
        long[] sums = new long[2];
        int[] counts = new int[2];
        jdbc.sql("""
                SELECT f.enterprise_credit_code, f.commitment_fen FROM riskshare.filing f
                WHERE f.status = 'FILED' AND coalesce(f.loan_status, '') <> 'REPAID' AND NOT EXISTS (
                    SELECT 1 FROM riskshare.claim c WHERE c.institution_id = f.institution_id
                        AND c.loan_number = f.loan_number AND c.status <> 'REJECTED')""")
                .query(rs -> {
                    long commitment = rs.getLong(2);
                    Integer score = ratings.current(rs.getString(1)).map(r -> r.score()).orElse(null);
                    BigDecimal pd = score == null ? fallbackPd : pd(score);
                    sums[0] += BigDecimal.valueOf(commitment).multiply(pd).setScale(0, RoundingMode.HALF_UP)
                            .longValueExact();
                    sums[1] += commitment;
                    counts[0]++;
                    if (score != null) {
                        counts[1]++;
                    }
                });
        return new Outlook(months, amounts, burn, runway, sums[0], sums[1], counts[0], counts[1], fallbackPd,
                byBank, byTown);
    }

    /** P(bad) at a score on the scorecard's scale: 1 / (1 + 50 · 2^((score − 600) / 20)). */
    public static BigDecimal pd(int score) {
        double odds = 50.0 * Math.pow(2.0, (score - 600) / 20.0);
        return BigDecimal.valueOf(1.0 / (1.0 + odds)).round(new MathContext(6, RoundingMode.HALF_UP));
    }
}
