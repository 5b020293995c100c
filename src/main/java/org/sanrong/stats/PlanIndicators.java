package org.sanrong.stats;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.sanrong.audit.AuditEntry.Outcome;
import org.sanrong.audit.AuditTrail;
import org.sanrong.identity.Role;
import org.sanrong.identity.SignedInUser;
import org.sanrong.platform.InvalidRequestException;
import org.sanrong.platform.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 规划指标: a plan's indicators loaded from a file (a plan is data; the next five-year plan is another file), actual
 * values by year or quarter entered by a government department with their source (every value kept, so each has its
 * history of who, when and from what source), or taken from a platform statistic the indicator is bound to; progress
 * against the share of the plan period elapsed, with a light.
 */
@Service
public class PlanIndicators {

    /** Platform statistics an indicator may be bound to, in the indicator's unit (亿元). */
    public enum Binding {
        /** 科技信贷余额 on the platform (TECH category) at the end of the year, or of the latest month this year. */
        PLATFORM_TECH_CREDIT_BALANCE,
        /** All loans recorded on the platform, balance at the same date. */
        PLATFORM_LOAN_BALANCE
    }

    /** One actual value as entered (or, for a bound indicator, as measured). */
    public record ActualValue(long id, int year, @Nullable Integer quarter, BigDecimal value, String source,
            @Nullable String note, @Nullable String attachmentName, String enteredBy, String enteredOrganisation,
            Instant enteredAt) {
        public String period() {
            return quarter == null ? year + "年" : year + "年第" + quarter + "季度";
        }
    }

    /** An indicator with its latest actual value, progress and light. */
    public record IndicatorView(UUID id, String planName, int seq, String category, String name, String unit,
            BigDecimal baseValue, BigDecimal targetValue, int baseYear, int targetYear, String nature,
            @Nullable Binding binding, @Nullable ActualValue latest, @Nullable BigDecimal progressPercent,
            @Nullable BigDecimal elapsedPercent, Light light) {
    }

    private static final Pattern BASE = Pattern.compile("base_(\\d{4})");
    private static final Pattern TARGET = Pattern.compile("target_(\\d{4})");

    private final JdbcClient jdbc;
    private final Statistics statistics;
    private final AuditTrail audit;
    private final ResourceLoader resources;
    private final Clock clock;
    private final String planFile;
    private final String planCode;
    private final String planName;
    private final BigDecimal yellowFrom;
    private final BigDecimal redAbove;
    private final java.util.Set<String> units;

    PlanIndicators(JdbcClient jdbc, Statistics statistics, AuditTrail audit, ResourceLoader resources, Clock clock,
            @Value("${sanrong.plan.file:classpath:stats/plan-indicators-2021-2025.csv}") String planFile,
            @Value("${sanrong.plan.code:dongguan-finance-14th}") String planCode,
            @Value("${sanrong.plan.name:东莞市金融业发展“十四五”规划}") String planName,
            @Value("${sanrong.plan.yellow-from-points:10}") BigDecimal yellowFrom,
            @Value("${sanrong.plan.red-above-points:30}") BigDecimal redAbove,
            @Value("${sanrong.plan.units:亿元,万元,元,%,家,只,个,户,件,项,人,笔,倍}") List<String> units) {
        this.units = new java.util.LinkedHashSet<>(units.stream().map(String::strip).toList());
        this.jdbc = jdbc;
        this.statistics = statistics;
        this.audit = audit;
        this.resources = resources;
        this.clock = clock;
        this.planFile = planFile;
        this.planCode = planCode;
        this.planName = planName;
        this.yellowFrom = yellowFrom;
        this.redAbove = redAbove;
    }

    /** Loads the configured plan at start unless a plan of that code is there already. */
    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void loadConfiguredPlan() {
        if (jdbc.sql("SELECT count(*) FROM stats.plan WHERE code = ?").param(planCode).query(Long.class).single() > 0) {
            return;
        }
        Resource file = resources.getResource(planFile);
        try (InputStream in = file.getInputStream()) {
            load(planCode, planName, planFile, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the plan file " + planFile, e);
        }
    }

    /**
     * Loads a plan from CSV: {@code category,indicator,unit,base_YYYY,target_YYYY,nature}; the years in the two
     * headers are the plan's base and target years. Answers the plan's id.
     */
    @Transactional
    public UUID load(String code, String name, String source, String csv) {
        List<String> lines = csv.lines().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) {
            throw new InvalidRequestException("file", "规划文件为空");
        }
        String[] header = lines.getFirst().replace("\uFEFF", "").split(",");
        Matcher base = BASE.matcher(header.length > 3 ? header[3] : "");
        Matcher target = TARGET.matcher(header.length > 4 ? header[4] : "");
        if (header.length < 6 || !base.matches() || !target.matches()) {
            throw new InvalidRequestException("file", "规划文件表头应为 category,indicator,unit,base_年份,target_年份,nature");
        }
        UUID plan = UUID.randomUUID();
        jdbc.sql("INSERT INTO stats.plan (id, code, name, base_year, target_year, source, loaded_at) VALUES (?, ?, ?, ?, "
                + "?, ?, ?)").params(plan, code, name, Integer.parseInt(base.group(1)),
                        Integer.parseInt(target.group(1)), source, Timestamp.from(clock.instant())).update();
        for (int i = 1; i < lines.size(); i++) {
            String[] c = lines.get(i).split(",", -1);
            if (c.length < 6) {
                throw new InvalidRequestException("file", "第" + (i + 1) + "行应有6列");
            }
            jdbc.sql("INSERT INTO stats.plan_indicator (id, plan_id, seq, category, name, unit, base_value, "
                    + "target_value, nature) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(UUID.randomUUID(), plan, i, c[0].strip(), c[1].strip(), c[2].strip(),
                            new BigDecimal(c[3].strip()), new BigDecimal(c[4].strip()), c[5].strip()).update();
        }
        return plan;
    }

    /** What a plan upload saved: the plan and its indicators. */
    public record LoadedPlan(UUID id, String code, String name, int baseYear, int targetYear, int indicators) {
    }

    /**
     * Government uploads a plan file (the next five-year plan is another file): read and checked whole first, every
     * bad line reported with what is wrong (missing columns, an unknown unit, a number that is not one...), and
     * nothing saved unless all of it is good. Audited as LOAD_PLAN either way.
     */
    @Transactional
    public LoadedPlan upload(@Nullable String code, @Nullable String name, @Nullable String fileName,
            byte @Nullable [] file, SignedInUser user) {
        String target = "plan:" + code;
        if (!(user.hasRole(Role.GOV) || user.hasRole(Role.ADMIN))) {
            audit.recordIndependently(user.username(), user.organisationId(), "LOAD_PLAN", target, Outcome.DENIED,
                    null);
            throw new AccessDeniedException("只有政府部门可以上传规划");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (code == null || !code.strip().matches("[a-z0-9][a-z0-9-]{2,59}")) {
            errors.put("code", "规划编号须为3至60位小写字母、数字或连字符，如 dongguan-finance-15th");
        } else if (jdbc.sql("SELECT count(*) FROM stats.plan WHERE code = ?").param(code.strip()).query(Long.class)
                .single() > 0) {
            errors.put("code", "规划编号 " + code.strip() + " 已存在");
        }
        if (name == null || name.isBlank()) {
            errors.put("name", "请填写规划名称");
        } else if (name.strip().length() > 200) {
            errors.put("name", "规划名称不能超过200字");
        }
        PlanFile.Parsed parsed = null;
        if (file == null || file.length == 0 || fileName == null || fileName.isBlank()) {
            errors.put("file", "请选择规划文件（CSV 或 Excel）");
        } else if (!fileName.toLowerCase(java.util.Locale.ROOT).matches(".*\\.(csv|xlsx)")) {
            errors.put("file", "规划文件须为 CSV 或 Excel（.xlsx）");
        } else {
            try {
                parsed = PlanFile.read(fileName, file, units);
                if (!parsed.problems().isEmpty()) {
                    errors.put("file", String.join("\n", parsed.problems()));
                }
            } catch (RuntimeException e) {
                errors.put("file", "无法读取文件：" + fileName);
            }
        }
        if (!errors.isEmpty() || parsed == null) {
            audit.recordIndependently(user.username(), user.organisationId(), "LOAD_PLAN", target, Outcome.FAILURE,
                    String.join("；", errors.values()).lines().limit(5).reduce((a, b) -> a + "；" + b).orElse(""));
            throw new InvalidRequestException(errors);
        }
        UUID plan = insert(code.strip(), name.strip(), fileName.strip(), parsed);
        audit.record(user.username(), user.organisationId(), "LOAD_PLAN", "plan:" + plan, Outcome.SUCCESS,
                name.strip() + "（" + parsed.baseYear() + "–" + parsed.targetYear() + "，" + parsed.rows().size()
                        + " 项指标）");
        return new LoadedPlan(plan, code.strip(), name.strip(), parsed.baseYear(), parsed.targetYear(),
                parsed.rows().size());
    }

    private UUID insert(String code, String name, String source, PlanFile.Parsed parsed) {
        UUID plan = UUID.randomUUID();
        jdbc.sql("INSERT INTO stats.plan (id, code, name, base_year, target_year, source, loaded_at) VALUES (?, ?, ?, ?, "
                + "?, ?, ?)").params(plan, code, name, parsed.baseYear(), parsed.targetYear(), source,
                        Timestamp.from(clock.instant())).update();
        int seq = 0;
        for (PlanFile.Row r : parsed.rows()) {
            jdbc.sql("INSERT INTO stats.plan_indicator (id, plan_id, seq, category, name, unit, base_value, "
                    + "target_value, nature) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(UUID.randomUUID(), plan, ++seq, r.category(), r.name(), r.unit(), r.base(), r.target(),
                            r.nature()).update();
        }
        return plan;
    }

    /** The plans loaded, oldest first. */
    @Transactional(readOnly = true)
    public List<LoadedPlan> plans() {
        return jdbc.sql("SELECT p.*, (SELECT count(*) FROM stats.plan_indicator i WHERE i.plan_id = p.id) AS n "
                + "FROM stats.plan p ORDER BY p.loaded_at").query((rs, n) -> new LoadedPlan(rs.getObject("id",
                        UUID.class), rs.getString("code"), rs.getString("name"), rs.getInt("base_year"),
                        rs.getInt("target_year"), rs.getInt("n"))).list();
    }

    /** Every indicator of every plan, in the plan's order, with its latest value and progress. */
    @Transactional(readOnly = true)
    public List<IndicatorView> indicators() {
        return jdbc.sql(SELECT + " ORDER BY p.loaded_at, i.seq").query((rs, n) -> row(rs)).list().stream()
                .map(this::withProgress).toList();
    }

    @Transactional(readOnly = true)
    public IndicatorView indicator(UUID id) {
        return jdbc.sql(SELECT + " WHERE i.id = ?").param(id).query((rs, n) -> row(rs)).optional()
                .map(this::withProgress).orElseThrow(() -> new NotFoundException("规划指标不存在"));
    }

    /** Every value entered for the indicator, newest first (its history); a bound indicator's measured values. */
    @Transactional(readOnly = true)
    public List<ActualValue> history(UUID id) {
        IndicatorView i = indicator(id);
        if (i.binding() != null) {
            return measured(i);
        }
        return jdbc.sql("SELECT * FROM stats.plan_value WHERE indicator_id = ? ORDER BY entered_at DESC, id DESC")
                .param(id).query((rs, n) -> value(rs)).list();
    }

    /** The current value per period (the latest entered for each), in time order: the indicator's chart. */
    @Transactional(readOnly = true)
    public List<ActualValue> series(UUID id) {
        IndicatorView i = indicator(id);
        if (i.binding() != null) {
            return measured(i).reversed();
        }
        Map<String, ActualValue> latest = new LinkedHashMap<>();
        for (ActualValue v : jdbc.sql("SELECT * FROM stats.plan_value WHERE indicator_id = ? ORDER BY year, "
                + "COALESCE(quarter, 5), id").param(id).query((rs, n) -> value(rs)).list()) {
            latest.put(v.year() + "/" + v.quarter(), v);
        }
        return new ArrayList<>(latest.values());
    }

    /**
     * A department enters an actual value for a year (quarter null) or a quarter, with its source. Refused with a
     * message per field: a period outside the plan or in the future, a value in another unit than the indicator's, a
     * percentage outside 0-100, a negative amount, a missing source, a bound indicator.
     */
    @Transactional
    public long record(UUID id, int year, @Nullable Integer quarter, @Nullable String value, @Nullable String unit,
            @Nullable String source, @Nullable String note, @Nullable String attachmentName,
            byte @Nullable [] attachment, SignedInUser user) {
        requireOfficial(user, "RECORD_PLAN_VALUE", id);
        IndicatorView i = indicator(id);
        Map<String, String> errors = new LinkedHashMap<>();
        if (i.binding() != null) {
            errors.put("value", "该指标取自平台统计，不需要填报");
        }
        int thisYear = LocalDate.now(clock).getYear();
        if (year <= i.baseYear() || year > i.targetYear()) {
            errors.put("year", "年份须在规划期 " + (i.baseYear() + 1) + "–" + i.targetYear() + " 年内");
        } else if (year > thisYear || year == thisYear && quarter != null
                && quarter > (LocalDate.now(clock).getMonthValue() - 1) / 3 + 1) {
            errors.put("year", "不能填报未来的期间");
        }
        if (quarter != null && (quarter < 1 || quarter > 4)) {
            errors.put("quarter", "季度须为1至4");
        }
        BigDecimal v = null;
        if (value == null || value.isBlank()) {
            errors.put("value", "请填写数值");
        } else {
            try {
                v = new BigDecimal(value.strip().replace(",", ""));
            } catch (NumberFormatException e) {
                errors.put("value", "数值格式不对：" + value);
            }
        }
        if (unit != null && !unit.isBlank() && !unit.strip().equals(i.unit())) {
            errors.put("unit", "该指标的单位是" + i.unit() + "，请换算后填报（填的是" + unit.strip() + "）");
        }
        if (v != null && "%".equals(i.unit()) && (v.signum() < 0 || v.compareTo(BigDecimal.valueOf(100)) > 0)) {
            errors.put("value", "百分比须在0至100之间");
        } else if (v != null && !"%".equals(i.unit()) && v.signum() < 0) {
            errors.put("value", "数值不能为负");
        }
        if (source == null || source.isBlank()) {
            errors.put("source", "请注明数据来源（如：市统计局年报、人民银行东莞市分行）");
        } else if (source.length() > 300) {
            errors.put("source", "来源不能超过300个字");
        }
        if (!errors.isEmpty()) {
            audit.recordIndependently(user.username(), user.organisationId(), "RECORD_PLAN_VALUE", target(id),
                    Outcome.FAILURE, String.join("；", errors.values()));
            throw new InvalidRequestException(errors);
        }
        long row = jdbc.sql("INSERT INTO stats.plan_value (indicator_id, year, quarter, value, source, note, "
                + "attachment_name, attachment, entered_by, entered_org, entered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "RETURNING id")
                .params(id, year, quarter, v, source.strip(), note == null || note.isBlank() ? null : note.strip(),
                        attachmentName, attachment, user.username(), user.organisationName(),
                        Timestamp.from(clock.instant())).query(Long.class).single();
        audit.record(user.username(), user.organisationId(), "RECORD_PLAN_VALUE", target(id), Outcome.SUCCESS,
                i.name() + " " + year + (quarter == null ? "" : "Q" + quarter) + " = " + v.toPlainString() + i.unit());
        return row;
    }

    /** Binds the indicator to a platform statistic (or unbinds it with null). */
    @Transactional
    public void bind(UUID id, @Nullable Binding binding, SignedInUser user) {
        requireOfficial(user, "BIND_PLAN_INDICATOR", id);
        IndicatorView i = indicator(id);
        if (binding != null && !"亿元".equals(i.unit())) {
            throw new InvalidRequestException("binding", "平台统计以亿元计，只能绑定单位为亿元的指标");
        }
        jdbc.sql("UPDATE stats.plan_indicator SET binding = ? WHERE id = ?")
                .params(binding == null ? null : binding.name(), id).update();
        audit.record(user.username(), user.organisationId(), "BIND_PLAN_INDICATOR", target(id), Outcome.SUCCESS,
                i.name() + " → " + (binding == null ? "手工填报" : binding.name()));
    }

    /** The attachment of a value, for officials. */
    @Transactional(readOnly = true)
    public Optional<Map.Entry<String, byte[]>> attachment(long valueId) {
        return jdbc.sql("SELECT attachment_name, attachment FROM stats.plan_value WHERE id = ? AND attachment IS NOT NULL")
                .param(valueId).query((rs, n) -> Map.entry(rs.getString(1), rs.getBytes(2))).optional();
    }

    // ---- progress ------------------------------------------------------------------------------------------

    /**
     * Progress of an actual value: (actual − base) / (target − base) × 100, against the share of the plan period
     * elapsed at the end of the value's period: (year − base year − 1 + quarters/4) / (target year − base year) × 100,
     * a whole year counting four quarters.
     */
    public static BigDecimal progress(BigDecimal base, BigDecimal target, BigDecimal actual) {
        return actual.subtract(base).multiply(BigDecimal.valueOf(100)).divide(target.subtract(base), 1,
                RoundingMode.HALF_UP);
    }

    public static BigDecimal elapsed(int baseYear, int targetYear, int year, @Nullable Integer quarter) {
        BigDecimal quarters = BigDecimal.valueOf((year - baseYear - 1) * 4L + (quarter == null ? 4 : quarter));
        return quarters.multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf((targetYear - baseYear) * 4L), 1,
                RoundingMode.HALF_UP);
    }

    /** Green when the lag behind the elapsed share is under {@code yellowFrom} points, red above {@code redAbove}. */
    public static Light light(BigDecimal progress, BigDecimal elapsed, BigDecimal yellowFrom, BigDecimal redAbove) {
        BigDecimal lag = elapsed.subtract(progress);
        if (lag.compareTo(yellowFrom) < 0) {
            return Light.GREEN;
        }
        return lag.compareTo(redAbove) > 0 ? Light.RED : Light.YELLOW;
    }

    private IndicatorView withProgress(IndicatorView i) {
        ActualValue latest = i.binding() != null ? measured(i).stream().findFirst().orElse(null)
                : jdbc.sql("SELECT * FROM stats.plan_value WHERE indicator_id = ? ORDER BY year DESC, "
                        + "COALESCE(quarter, 5) DESC, id DESC LIMIT 1").param(i.id()).query((rs, n) -> value(rs))
                        .optional().orElse(null);
        if (latest == null) {
            return i;
        }
        BigDecimal progress = progress(i.baseValue(), i.targetValue(), latest.value());
        BigDecimal elapsed = elapsed(i.baseYear(), i.targetYear(), latest.year(), latest.quarter());
        return new IndicatorView(i.id(), i.planName(), i.seq(), i.category(), i.name(), i.unit(), i.baseValue(),
                i.targetValue(), i.baseYear(), i.targetYear(), i.nature(), i.binding(), latest, progress, elapsed,
                light(progress, elapsed, yellowFrom, redAbove));
    }

    /** A bound indicator's values: the platform statistic at each year's end in the plan (the current month this year). */
    private List<ActualValue> measured(IndicatorView i) {
        List<ActualValue> out = new ArrayList<>();
        YearMonth now = YearMonth.now(clock);
        for (int year = Math.min(now.getYear(), i.targetYear()); year > i.baseYear(); year--) {
            YearMonth at = year == now.getYear() ? now : YearMonth.of(year, 12);
            Selection s = Selection.of(at);
            if (i.binding() == Binding.PLATFORM_TECH_CREDIT_BALANCE) {
                s = s.withCategory(statistics.settings().techCategory());
            }
            long fen = statistics.totals(s).balanceFen();
            out.add(new ActualValue(0, year, year == now.getYear() && at.getMonthValue() < 12
                    ? (at.getMonthValue() - 1) / 3 + 1 : null,
                    BigDecimal.valueOf(fen).movePointLeft(10).setScale(4, RoundingMode.HALF_UP),
                    "平台统计（" + at + " 月末，本平台登记的贷款）", null, null, "平台", "平台统计", clock.instant()));
        }
        return out;
    }

    private static final String SELECT = "SELECT i.*, p.name AS plan_name, p.base_year, p.target_year FROM "
            + "stats.plan_indicator i JOIN stats.plan p ON p.id = i.plan_id";

    private static IndicatorView row(java.sql.ResultSet rs) throws java.sql.SQLException {
        String binding = rs.getString("binding");
        return new IndicatorView(rs.getObject("id", UUID.class), rs.getString("plan_name"), rs.getInt("seq"),
                rs.getString("category"), rs.getString("name"), rs.getString("unit"),
                plain(rs.getBigDecimal("base_value")), plain(rs.getBigDecimal("target_value")),
                rs.getInt("base_year"), rs.getInt("target_year"), rs.getString("nature"),
                binding == null ? null : Binding.valueOf(binding), null, null, null, Light.NONE);
    }

    private static ActualValue value(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ActualValue(rs.getLong("id"), rs.getInt("year"), rs.getObject("quarter", Integer.class),
                plain(rs.getBigDecimal("value")), rs.getString("source"), rs.getString("note"),
                rs.getString("attachment_name"), rs.getString("entered_by"), rs.getString("entered_org"),
                rs.getTimestamp("entered_at").toInstant());
    }

    /** numeric(20, 4) reads back as 1400.0000; the value is 1400. */
    static BigDecimal plain(BigDecimal b) {
        BigDecimal s = b.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    private void requireOfficial(SignedInUser user, String action, UUID id) {
        if (!(user.hasRole(Role.GOV) || user.hasRole(Role.ADMIN))) {
            audit.recordIndependently(user.username(), user.organisationId(), action, target(id), Outcome.DENIED,
                    "只有政府部门可以填报规划指标");
            throw new AccessDeniedException("只有政府部门可以填报规划指标");
        }
    }

    static String target(UUID id) {
        return "plan-indicator:" + id;
    }
}
