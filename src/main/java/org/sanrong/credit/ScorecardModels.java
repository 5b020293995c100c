package org.sanrong.credit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.audit.AuditEntry.Outcome;
import org.sanrong.audit.AuditTrail;
import org.sanrong.credit.scorecard.ScorecardReport;
import org.sanrong.credit.scorecard.ScorecardTrainer;
import org.sanrong.credit.scorecard.Target;
import org.sanrong.credit.scorecard.TrainedScorecard;
import org.sanrong.credit.scorecard.TrainingOptions;
import org.sanrong.credit.scorecard.TrainingTable;
import org.sanrong.identity.Role;
import org.sanrong.identity.SignedInUser;
import org.sanrong.platform.InvalidRequestException;
import org.sanrong.platform.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Scorecard models: training (from a labelled file, or from the outcomes the platform knows), versions, and the
 * four-eyes approval — a model scores only after a government or operator user other than the one who trained it
 * approves it; the model in use before is retired and everyone is re-scored. Training, approval and rejection are
 * audited (TRAIN_MODEL, APPROVE_MODEL, REJECT_MODEL); a refused approval too.
 */
@Service
public class ScorecardModels {

    /** The target column of platform training tables. */
    public static final String TARGET = "bad";
    static final int MIN_ROWS = 50;

    private final Models models;
    private final FeatureSource features;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final LoanOutcomes loans;
    private final CreditRatings ratings;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ScorecardModels(Models models, FeatureSource features, JdbcClient jdbc, AuditTrail audit,
            ObjectProvider<LoanOutcomes> loans, CreditRatings ratings, PlatformTransactionManager transactions,
            Clock clock) {
        this.models = models;
        this.features = features;
        this.jdbc = jdbc;
        this.audit = audit;
        this.loans = loans.getIfAvailable(() -> LoanOutcomes.NONE);
        this.ratings = ratings;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Trains from a labelled CSV or .xlsx: a target column (0/1, good/bad, or {@code badValue} naming the bad
     * value) and columns named by feature codes of the catalogue ({@link CreditFeature#code()}); other columns are
     * left out (reported as excluded), since the platform could not compute them for an enterprise. Answers the new
     * model, pending approval.
     */
    @Transactional
    public UUID trainFromFile(InputStream content, String fileName, @Nullable String target,
            @Nullable String badValue, SignedInUser user) {
        requireStaff(user, "训练评分模型");
        String column = target == null || target.isBlank() ? TARGET : target.strip();
        TrainingTable table;
        Path upload = null;
        try {
            upload = Files.createTempFile("sanrong-train-", ".upload");
            Files.copy(content, upload, StandardCopyOption.REPLACE_EXISTING);
            if (Files.size(upload) == 0) {
                throw new InvalidRequestException("file", "文件为空");
            }
            table = TrainingTable.read(upload);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("file", "文件无法作为训练数据读取：" + e.getMessage());
        } catch (IOException | UncheckedIOException e) {
            throw new InvalidRequestException("file", "文件无法读取：请上传 .xlsx 或 UTF-8 编码的 CSV 文件");
        } finally {
            delete(upload);
        }
        if (!table.columns().contains(column)) {
            throw new InvalidRequestException("target", "文件中没有目标列“" + column + "”；列有：" + String.join("、",
                    table.columns()));
        }
        Set<String> excluded = new LinkedHashSet<>();
        List<String> used = new ArrayList<>();
        for (int c = 0; c < table.columns().size(); c++) {
            String name = table.columns().get(c);
            if (name.equals(column)) {
                continue;
            }
            if (CreditFeature.byCode(name).isEmpty()) {
                excluded.add(name);
                continue;
            }
            used.add(name);
            for (int r = 0; r < table.rows().size(); r++) {
                String cell = table.rows().get(r).get(c);
                if (!TrainingTable.isMissing(cell)) {
                    try {
                        Double.parseDouble(cell.strip());
                    } catch (NumberFormatException e) {
                        throw new InvalidRequestException("file", "特征列“" + name + "”第 " + (r + 2) + " 行不是数字："
                                + cell);
                    }
                }
            }
        }
        if (used.isEmpty()) {
            throw new InvalidRequestException("file", "文件中没有特征目录中的列（列名须为特征代码，如 tax_growth_yoy_pct）");
        }
        return train(table, new Target(column, badValue == null || badValue.isBlank() ? null : badValue.strip()),
                excluded, ModelView.SourceKind.UPLOAD, Path.of(fileName.isBlank() ? "upload" : fileName)
                        .getFileName().toString(), user);
    }

    /**
     * Trains from the outcomes the platform knows: its loans (bad = ever reported non-performing) and the demo's
     * simulated outcomes, with each enterprise's features as of now.
     */
    @Transactional
    public UUID trainFromPlatform(SignedInUser user) {
        requireStaff(user, "训练评分模型");
        Map<String, Boolean> labels = new HashMap<>();
        jdbc.sql("SELECT credit_code, bad FROM credit.outcome").query(rs -> {
            labels.put(rs.getString(1), rs.getBoolean(2));
        });
        for (LoanOutcomes.Loan loan : loans.loans()) {
            labels.merge(loan.creditCode(), loan.defaulted(), Boolean::logicalOr);
        }
        if (labels.size() < MIN_ROWS) {
            throw new InvalidRequestException("source", "平台已知结果只有 " + labels.size() + " 家企业，至少需要 "
                    + MIN_ROWS + " 家才能训练");
        }
        List<String> columns = new ArrayList<>();
        for (CreditFeature f : CreditFeature.values()) {
            columns.add(f.code());
        }
        columns.add(TARGET);
        List<List<String>> rows = new ArrayList<>();
        List<String> codes = new ArrayList<>(labels.keySet());
        codes.sort(null);
        var asOf = features.asOf();
        for (int from = 0; from < codes.size(); from += 1_000) {
            for (FeatureSource.Computed c : features.compute(codes.subList(from, Math.min(codes.size(), from + 1_000)),
                    asOf)) {
                List<String> row = new ArrayList<>(columns.size());
                for (double v : c.features()) {
                    row.add(Double.isNaN(v) ? "" : Double.toString(v));
                }
                row.add(labels.get(c.enterprise().creditCode()) ? "1" : "0");
                rows.add(row);
            }
        }
        long bads = labels.values().stream().filter(b -> b).count();
        return train(new TrainingTable(columns, rows), new Target(TARGET, null), Set.of(),
                ModelView.SourceKind.PLATFORM, "平台结果：" + rows.size() + " 家企业，违约 " + bads + " 家（截至 " + asOf
                        + "）", user);
    }

    private UUID train(TrainingTable table, Target target, Set<String> excluded, ModelView.SourceKind kind,
            String source, SignedInUser user) {
        int version = models.nextVersion();
        TrainingOptions options = TrainingOptions.DEFAULT.withVersion("v" + version).withExcluded(excluded);
        TrainedScorecard card;
        try {
            card = new ScorecardTrainer(options, clock.withZone(ZoneId.of("Asia/Shanghai"))).train(table, target,
                    source);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("file", "无法训练：" + e.getMessage());
        }
        if (card.model().isEmpty()) {
            throw new InvalidRequestException("file", "没有特征入选模型（信息值均过低），请检查数据与目标列");
        }
        UUID id = UUID.randomUUID();
        models.insert(id, version, kind, source, user.username(), clock.instant(), card);
        audit.record(user.username(), user.organisationId(), "TRAIN_MODEL", "model:v" + version, Outcome.SUCCESS,
                source + "；入模特征 " + card.model().size() + " 个");
        return id;
    }

    /**
     * Approves a pending model (maker ≠ checker): it becomes the one in use, the previous one is retired, and every
     * enterprise is re-scored with it. Answers how the re-scoring went.
     */
    public CreditRatings.Rescored approve(UUID id, @Nullable String note, SignedInUser user) {
        transactions.executeWithoutResult(tx -> {
            requireStaff(user, "审批评分模型");
            ModelView m = models.findForUpdate(id).orElseThrow(() -> new NotFoundException("模型不存在"));
            if (m.status() != ModelView.Status.PENDING) {
                throw InvalidRequestException.conflict("status", "该模型不是待审批状态");
            }
            if (m.trainedBy().equals(user.username())) {
                audit.recordIndependently(user.username(), user.organisationId(), "APPROVE_MODEL",
                        "model:" + m.label(), Outcome.DENIED, "训练人不能审批自己的模型");
                throw InvalidRequestException.conflict("reviewer", "训练人不能审批自己训练的模型，须由另一位政府或运营人员复核");
            }
            models.retireActive();
            models.review(id, ModelView.Status.ACTIVE, user.username(), clock.instant(), clean(note));
            audit.record(user.username(), user.organisationId(), "APPROVE_MODEL", "model:" + m.label(),
                    Outcome.SUCCESS, note == null ? null : note.strip());
        });
        return ratings.rescoreAll(user);
    }

    @Transactional
    public void reject(UUID id, @Nullable String reason, SignedInUser user) {
        requireStaff(user, "审批评分模型");
        ModelView m = models.findForUpdate(id).orElseThrow(() -> new NotFoundException("模型不存在"));
        if (m.status() != ModelView.Status.PENDING) {
            throw InvalidRequestException.conflict("status", "该模型不是待审批状态");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidRequestException("reason", "请填写不通过的理由");
        }
        models.review(id, ModelView.Status.REJECTED, user.username(), clock.instant(), clean(reason));
        audit.record(user.username(), user.organisationId(), "REJECT_MODEL", "model:" + m.label(), Outcome.SUCCESS,
                reason.strip());
    }

    @Transactional(readOnly = true)
    public List<ModelView> list(SignedInUser user) {
        requireStaff(user, "查看评分模型");
        return models.all();
    }

    @Transactional(readOnly = true)
    public ModelView get(UUID id, SignedInUser user) {
        requireStaff(user, "查看评分模型");
        return models.find(id).orElseThrow(() -> new NotFoundException("模型不存在"));
    }

    /** The trained scorecard behind a model: bins, decisions, fit, points, validation. */
    @Transactional(readOnly = true)
    public TrainedScorecard scorecard(UUID id, SignedInUser user) {
        get(id, user);
        return models.card(id);
    }

    /** The validation report as an Excel workbook. */
    @Transactional(readOnly = true)
    public void report(UUID id, OutputStream out, SignedInUser user) {
        ScorecardReport.writeExcel(scorecard(id, user), out);
    }

    @Transactional(readOnly = true)
    public Optional<ModelView> active() {
        return models.active();
    }

    /**
     * Records good/bad outcomes known outside the platform's own loans — the demo's simulated defaults — for
     * training; an enterprise's earlier outcome of the same source is replaced.
     */
    @Transactional
    public void recordOutcomes(Map<String, Boolean> bad, String source) {
        List<String> codes = new ArrayList<>(bad.keySet());
        codes.sort(null);
        jdbc.sql("""
                INSERT INTO credit.outcome (credit_code, bad, source, recorded_at)
                SELECT u.c, u.b, :source, :now FROM unnest(CAST(:codes AS varchar[]), CAST(:bads AS boolean[]))
                    AS u(c, b)
                ON CONFLICT (credit_code) DO UPDATE SET bad = EXCLUDED.bad, source = EXCLUDED.source,
                    recorded_at = EXCLUDED.recorded_at""")
                .param("source", source).param("now", Timestamp.from(clock.instant()))
                .param("codes", codes.toArray(String[]::new))
                .param("bads", codes.stream().map(bad::get).toArray(Boolean[]::new)).update();
    }

    @Transactional(readOnly = true)
    public long outcomeCount() {
        return jdbc.sql("SELECT count(*) FROM credit.outcome").query(Long.class).single();
    }

    static void requireStaff(SignedInUser user, String what) {
        if (!user.hasRole(Role.GOV) && !user.hasRole(Role.ADMIN)) {
            throw new AccessDeniedException("只有政府或平台运营人员可以" + what);
        }
    }

    private static @Nullable String clean(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip().length() > 500 ? s.strip().substring(0, 500) : s.strip();
    }

    private static void delete(@Nullable Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // a temp file
            }
        }
    }

}
