package org.sanrong.datahub;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sanrong.audit.AuditEntry.Outcome;
import org.sanrong.audit.AuditTrail;
import org.sanrong.enterprise.EnterpriseSnapshots;
import org.sanrong.platform.InvalidRequestException;
import org.sanrong.platform.NotFoundException;
import org.sanrong.platform.OrganisationMember;
import org.sanrong.platform.ResultPage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports government data by source. A file is read as a stream and taken in one transaction: good rows are
 * upserted by enterprise, source and period (or document number), bad rows are kept with their line and reason,
 * and the batch's provenance is written with the counts — so a file is either taken whole (bad rows reported) or,
 * when its header is wrong or it cannot be read, refused whole and recorded as REFUSED. Importing the same period
 * again replaces its values; the same file twice changes nothing the second time. Every import is audited and
 * publishes {@link EnterpriseDataImported} for the enterprises whose data changed.
 */
@Service
public class HubImports {

    public static final String AUDIT_ACTION = "IMPORT_HUB_DATA";
    static final int CHUNK = 10_000;
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Logger log = LoggerFactory.getLogger(HubImports.class);

    private final HubStore store;
    private final EnterpriseSnapshots enterprises;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    HubImports(HubStore store, EnterpriseSnapshots enterprises, AuditTrail audit, ApplicationEventPublisher events,
            PlatformTransactionManager transactions, Clock clock) {
        this.store = store;
        this.enterprises = enterprises;
        this.audit = audit;
        this.events = events;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Imports an uploaded file of one source as the signed-in operator and answers its batch. A file whose header
     * does not fit the source, or that cannot be read, is refused whole: {@link InvalidRequestException} naming the
     * problem, with the refusal recorded as a batch and audited.
     */
    public HubBatch importFile(HubSource source, InputStream content, String fileName) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String actor = auth == null ? "system" : auth.getName();
        UUID organisation = auth != null && auth.getPrincipal() instanceof OrganisationMember m
                ? m.organisationId() : null;
        String name = fileName.isBlank() ? "upload" : Path.of(fileName).getFileName().toString();
        Instant started = clock.instant();
        Path upload = null;
        HubSheet.Format format = null;
        try {
            upload = Files.createTempFile("sanrong-hub-", ".upload");
            Files.copy(content, upload, StandardCopyOption.REPLACE_EXISTING);
            if (Files.size(upload) == 0) {
                throw new InvalidRequestException("file", "文件为空");
            }
            format = HubSheet.detect(upload, name);
            Path file = upload;
            HubSheet.Format f = format;
            Run run = new Run(source, HubBatch.Kind.FILE, name, f.name(), actor, organisation, started);
            HubBatch batch = transactions.execute(tx -> {
                HubSheet.read(file, f, source, run::row);
                return run.finish();
            });
            log.info("Hub import {} of {} ({}): {}", batch.id(), name, source, summary(batch));
            return batch;
        } catch (InvalidRequestException e) {
            refuse(source, name, format, actor, organisation, started, e.getMessage());
            throw e;
        } catch (IOException | UncheckedIOException e) {
            refuse(source, name, format, actor, organisation, started, "文件无法读取");
            throw new InvalidRequestException("file", "文件无法读取：请上传 .xlsx 或 UTF-8 编码的 CSV 文件");
        } catch (RuntimeException e) {
            if (e.getCause() instanceof InvalidRequestException invalid) {
                refuse(source, name, format, actor, organisation, started, invalid.getMessage());
                throw invalid;
            }
            log.warn("Hub import of {} failed", name, e);
            refuse(source, name, format, actor, organisation, started, "文件无法读取");
            throw new InvalidRequestException("file", "文件无法读取：请上传 .xlsx 或 UTF-8 编码的 CSV 文件");
        } finally {
            if (upload != null) {
                try {
                    Files.deleteIfExists(upload);
                } catch (IOException e) {
                    // a temp file
                }
            }
        }
    }

    /**
     * Writes items that were generated rather than read (the demo population), through the same checks and upsert
     * as a file; one batch of kind DEMO per source. Items of several sources are split by source.
     */
    public List<HubBatch> load(Iterable<? extends HubItem> items, String label, String actor) {
        Map<HubSource, Run> runs = new java.util.EnumMap<>(HubSource.class);
        Instant started = clock.instant();
        return transactions.execute(tx -> {
            long line = 1;
            for (HubItem item : items) {
                Run run = runs.computeIfAbsent(item.source(), s -> new Run(s, HubBatch.Kind.DEMO, label, null,
                        actor, null, started));
                run.accept(++line, item, item.source() + " " + item.creditCode() + " " + item.key());
            }
            List<HubBatch> out = new ArrayList<>();
            runs.values().forEach(r -> out.add(r.finish()));
            return out;
        });
    }

    /** The operator's correction of one item (a disputed figure or record): a batch of kind CORRECTION. */
    @Transactional
    HubBatch correct(HubItem corrected, String label, String actor, @Nullable UUID organisation) {
        Run run = new Run(corrected.source(), HubBatch.Kind.CORRECTION, label, null, actor, organisation,
                clock.instant());
        run.accept(1, corrected, label);
        return run.finish();
    }

    /** A removed record (a correction that voids it) as a batch of kind CORRECTION, for the provenance. */
    @Transactional
    HubBatch recordRemoval(HubRecord removed, String label, String actor, @Nullable UUID organisation) {
        Instant now = clock.instant();
        LocalDate day = removed.occurredOn();
        HubBatch batch = new HubBatch(UUID.randomUUID(), removed.source(), HubBatch.Kind.CORRECTION, label, null,
                actor, organisation, now, now, HubBatch.Status.DONE, 1, 0, 1, 0, 0, 1, day, day,
                "删除记录 " + removed.reference());
        store.insertBatch(batch);
        events.publishEvent(new EnterpriseDataImported(batch.id(), removed.source(), Set.of(removed.creditCode()),
                true, 1));
        return batch;
    }

    /** Whether any batch of this kind was taken (the demo loads once). */
    @Transactional(readOnly = true)
    public boolean any(HubBatch.Kind kind) {
        return store.countBatches(kind) > 0;
    }

    @Transactional(readOnly = true)
    public ResultPage<HubBatch> batches(int page, int size) {
        return new ResultPage<>(store.batches(size, page * size), page, size, store.countBatches());
    }

    @Transactional(readOnly = true)
    public Optional<HubBatch> batch(UUID id) {
        return store.batch(id);
    }

    /** A batch's rejected rows in line order. */
    @Transactional(readOnly = true)
    public List<RejectedRow> rejectedRows(UUID batch, int limit, int offset) {
        store.batch(batch).orElseThrow(() -> new NotFoundException("导入批次不存在"));
        return store.rejected(batch, limit, offset);
    }

    private void refuse(HubSource source, String name, HubSheet.@Nullable Format format, String actor,
            @Nullable UUID organisation, Instant started, String why) {
        try {
            transactions.executeWithoutResult(tx -> store.insertBatch(new HubBatch(UUID.randomUUID(), source,
                    HubBatch.Kind.FILE, name, format == null ? null : format.name(), actor, organisation, started,
                    clock.instant(), HubBatch.Status.REFUSED, 0, 0, 0, 0, 0, 0, null, null, why)));
            audit.recordIndependently(actor, organisation, AUDIT_ACTION, "datahub:" + source, Outcome.FAILURE,
                    name + "：" + why);
        } catch (RuntimeException e) {
            log.warn("Could not record the refused hub import of {}", name, e);
        }
    }

    static String summary(HubBatch b) {
        return "读取 " + b.rowsRead() + " 行：新增 " + b.rowsInserted() + "，更新 " + b.rowsUpdated() + "，未变 "
                + b.rowsUnchanged() + "，拒绝 " + b.rowsRejected() + "；涉及企业 " + b.enterprises() + " 家";
    }

    /**
     * One batch in progress, inside its transaction: parses rows, rejects repeats and unknown enterprises, writes
     * chunk by chunk, and at the end the batch, its rejected rows, the audit line and the event.
     */
    private final class Run {

        private record Pending(long line, HubItem item, String raw) {
        }

        final UUID id = UUID.randomUUID();
        final HubSource source;
        final HubBatch.Kind kind;
        final String fileName;
        final @Nullable String format;
        final String actor;
        final @Nullable UUID organisation;
        final Instant started;
        final HubRowParser parser;
        final List<Pending> pending = new ArrayList<>(CHUNK);
        final List<RejectedRow> rejected = new ArrayList<>();
        final Map<String, Long> seen = new HashMap<>();
        final Set<String> changed = new HashSet<>();
        final Set<String> touched = new HashSet<>();
        /** Per enterprise, the months of tax periods taken from this file so far (month and quarter may not overlap). */
        final Map<String, Map<YearMonth, Integer>> taxMonths = new HashMap<>();
        long read;
        int inserted;
        int updated;
        int unchanged;
        @Nullable LocalDate from;
        @Nullable LocalDate to;

        Run(HubSource source, HubBatch.Kind kind, String fileName, @Nullable String format, String actor,
                @Nullable UUID organisation, Instant started) {
            this.source = source;
            this.kind = kind;
            this.fileName = fileName;
            this.format = format;
            this.actor = actor;
            this.organisation = organisation;
            this.started = started;
            this.parser = new HubRowParser(source, LocalDate.now(clock.withZone(CHINA)));
        }

        void row(long line, Map<String, String> cells, String raw) {
            read++;
            if (cells.containsKey("__extra")) {
                rejected.add(new RejectedRow(line, "该行的单元格比表头多", raw));
                return;
            }
            switch (parser.parse(cells)) {
                case HubRowParser.Accepted a -> take(line, a.item(), raw);
                case HubRowParser.Rejected r -> rejected.add(new RejectedRow(line, r.reason(), raw));
            }
        }

        void accept(long line, HubItem item, String raw) {
            read++;
            take(line, item, raw);
        }

        private void take(long line, HubItem item, String raw) {
            String key = item.creditCode() + "|" + item.key();
            Long first = seen.putIfAbsent(key, line);
            if (first != null) {
                rejected.add(new RejectedRow(line, "与第 " + first + " 行重复（同一企业、同一" + (source.periodic()
                        ? "所属期" : "文号") + "）", raw));
                return;
            }
            pending.add(new Pending(line, item, raw));
            if (pending.size() == CHUNK) {
                flush();
            }
        }

        private void flush() {
            if (pending.isEmpty()) {
                return;
            }
            Set<String> codes = new HashSet<>();
            pending.forEach(p -> codes.add(p.item().creditCode()));
            Set<String> known = enterprises.known(codes);
            Map<String, List<SeriesPoint>> stored = source == HubSource.TAX ? store.taxPeriods(codes) : Map.of();
            List<SeriesPoint> points = new ArrayList<>();
            List<HubRecord> records = new ArrayList<>();
            for (Pending p : pending) {
                HubItem item = p.item();
                if (!known.contains(item.creditCode())) {
                    rejected.add(new RejectedRow(p.line(), "企业库中没有统一社会信用代码为 " + item.creditCode()
                            + " 的企业", p.raw()));
                    continue;
                }
                if (item instanceof SeriesPoint sp && source == HubSource.TAX) {
                    String clash = taxClash(sp, stored.getOrDefault(sp.creditCode(), List.of()));
                    if (clash != null) {
                        rejected.add(new RejectedRow(p.line(), clash, p.raw()));
                        continue;
                    }
                }
                switch (item) {
                    case SeriesPoint sp -> {
                        points.add(sp);
                        widen(sp.period().atDay(1), sp.lastMonth().atEndOfMonth());
                    }
                    case HubRecord r -> {
                        records.add(r);
                        widen(r.occurredOn(), r.occurredOn());
                    }
                }
                touched.add(item.creditCode());
            }
            Instant now = clock.instant();
            List<HubStore.Written> written = new ArrayList<>(store.upsertSeries(points, id, now));
            written.addAll(store.upsertRecords(records, id, now));
            for (HubStore.Written w : written) {
                if (w.inserted()) {
                    inserted++;
                } else {
                    updated++;
                }
                changed.add(w.creditCode());
            }
            unchanged += points.size() + records.size() - written.size();
            pending.clear();
        }

        /** Why a tax period cannot be taken: it overlaps a period of the other length, held or earlier in the file. */
        private @Nullable String taxClash(SeriesPoint p, List<SeriesPoint> held) {
            for (SeriesPoint h : held) {
                boolean overlaps = !h.period().isAfter(p.lastMonth()) && !p.period().isAfter(h.lastMonth());
                if (overlaps && h.months() != p.months()) {
                    return "所属期 " + p.key() + " 与已有的" + (h.months() == 3 ? "季度" : "月度") + "纳税数据 " + h.key()
                            + " 重叠；同一期间只能按月或按季其中一种报送";
                }
            }
            Map<YearMonth, Integer> mine = taxMonths.computeIfAbsent(p.creditCode(), k -> new HashMap<>());
            for (YearMonth m = p.period(); !m.isAfter(p.lastMonth()); m = m.plusMonths(1)) {
                Integer length = mine.get(m);
                if (length != null && length != p.months()) {
                    return "所属期 " + p.key() + " 与本文件中另一行的" + (length == 3 ? "季度" : "月度")
                            + "纳税数据重叠；同一期间只能按月或按季其中一种报送";
                }
            }
            for (YearMonth m = p.period(); !m.isAfter(p.lastMonth()); m = m.plusMonths(1)) {
                mine.put(m, p.months());
            }
            return null;
        }

        private void widen(LocalDate a, LocalDate b) {
            from = from == null || a.isBefore(from) ? a : from;
            to = to == null || b.isAfter(to) ? b : to;
        }

        HubBatch finish() {
            flush();
            rejected.sort(java.util.Comparator.comparingLong(RejectedRow::line));
            HubBatch batch = new HubBatch(id, source, kind, fileName, format, actor, organisation, started,
                    clock.instant(), HubBatch.Status.DONE, (int) read, inserted, updated, unchanged, rejected.size(),
                    touched.size(), from, to, null);
            store.insertBatch(batch);
            store.insertRejected(id, rejected);
            audit.record(actor, organisation, AUDIT_ACTION, "datahub:" + source, Outcome.SUCCESS,
                    kind + " " + fileName + "：" + summary(batch) + "（批次 " + id + "）");
            if (!changed.isEmpty()) {
                boolean complete = changed.size() <= EnterpriseDataImported.MAX_CODES;
                events.publishEvent(new EnterpriseDataImported(id, source, complete ? changed : Set.of(), complete,
                        changed.size()));
            }
            return batch;
        }
    }
}
