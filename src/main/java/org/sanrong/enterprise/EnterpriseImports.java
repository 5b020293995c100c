package org.sanrong.enterprise;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.sanrong.audit.AuditEntry.Outcome;
import org.sanrong.audit.AuditTrail;
import org.sanrong.enterprise.ImportStatus.State;
import org.sanrong.platform.InvalidRequestException;
import org.sanrong.platform.OrganisationMember;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Bulk import of enterprises from an operator's .xlsx or CSV file. The header is checked at once (a wrong header
 * refuses the whole file); the rows are then read, checked and upserted by credit code in the background, one
 * import at a time, in batches that commit on their own. Good rows are kept, bad rows are reported with their line
 * and reason. Jobs live in memory: a restart forgets them (the audit trail keeps the outcome).
 */
@Service
public class EnterpriseImports {

    public static final String AUDIT_ACTION = "IMPORT_ENTERPRISES";
    public static final String SOURCE_IMPORTED = "IMPORTED";
    public static final String SOURCE_DEMO = "DEMO";
    static final int BATCH = 2_000;
    private static final int KEPT_JOBS = 50;
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Logger log = LoggerFactory.getLogger(EnterpriseImports.class);

    private final EnterpriseUpserts upserts;
    private final ReferenceCodes reference;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<UUID, ImportJob> jobs = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "enterprise-import");
        t.setDaemon(true);
        return t;
    });

    private final ApplicationEventPublisher events;

    EnterpriseImports(EnterpriseUpserts upserts, ReferenceCodes reference, AuditTrail audit, JdbcClient jdbc,
            Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.upserts = upserts;
        this.reference = reference;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Starts importing the uploaded file as the signed-in operator. Throws {@link InvalidRequestException} naming
     * the missing or unknown columns when the header is wrong; nothing is imported then.
     */
    public ImportStatus start(InputStream content, String fileName) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String actor = auth == null ? "system" : auth.getName();
        UUID organisation = auth != null && auth.getPrincipal() instanceof OrganisationMember m
                ? m.organisationId() : null;
        String name = fileName.isBlank() ? "upload" : Path.of(fileName).getFileName().toString();
        Path upload;
        try {
            upload = Files.createTempFile("sanrong-import-", suffix(name));
            Files.copy(content, upload, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ImportJob job;
        try {
            if (Files.size(upload) == 0) {
                throw new InvalidRequestException("file", "文件为空");
            }
            job = new ImportJob(name, actor, organisation, upload, clock.instant());
            job.reader.checkHeader();
        } catch (InvalidRequestException e) {
            delete(upload);
            audit.recordIndependently(actor, organisation, AUDIT_ACTION, name, Outcome.FAILURE, e.getMessage());
            throw e;
        } catch (IOException | RuntimeException e) {
            delete(upload);
            log.info("Unreadable import file {}: {}", name, e.toString());
            audit.recordIndependently(actor, organisation, AUDIT_ACTION, name, Outcome.FAILURE, "文件无法读取");
            throw new InvalidRequestException("file", "文件无法读取：请上传 .xlsx 或 UTF-8 编码的 CSV 文件");
        }
        audit.record(actor, organisation, AUDIT_ACTION, name, Outcome.SUCCESS, "开始导入，作业 " + job.id);
        jobs.put(job.id, job);
        forgetOldJobs();
        worker.submit(() -> run(job));
        return job.status();
    }

    public Optional<ImportStatus> status(UUID id) {
        return Optional.ofNullable(jobs.get(id)).map(ImportJob::status);
    }

    /** The rejected rows of a finished import as a UTF-8 CSV (with BOM, so Excel opens it), if there were any. */
    public Optional<Path> rejectedRows(UUID id) {
        return Optional.ofNullable(jobs.get(id)).filter(ImportJob::hasRejectedFile).map(j -> j.rejectedFile);
    }

    /** Writes the demo population (source DEMO), in batches, through the same upsert as imports. */
    public long seedDemo(Iterator<EnterpriseRecord> records, java.util.function.LongConsumer progress) {
        List<EnterpriseRecord> batch = new ArrayList<>(BATCH);
        long done = 0;
        while (records.hasNext()) {
            batch.add(records.next());
            if (batch.size() == BATCH || !records.hasNext()) {
                done += upserts.apply(batch, SOURCE_DEMO, "demo");
                batch.clear();
                progress.accept(done);
            }
        }
        events.publishEvent(new EnterprisesImported(done, SOURCE_DEMO));
        return done;
    }

    /** How many enterprises came from a source (REGISTERED, IMPORTED, DEMO). */
    public long count(String source) {
        return jdbc.sql("SELECT count(*) FROM enterprise.enterprise WHERE source = ?").param(source)
                .query(Long.class).single();
    }

    private void run(ImportJob job) {
        job.running();
        long started = System.nanoTime();
        ImportRowParser parser = new ImportRowParser(reference, LocalDate.now(clock.withZone(CHINA)));
        List<EnterpriseRecord> batch = new ArrayList<>(BATCH);
        long[] databaseNanos = {0};
        try {
            job.reader.read((line, cells) -> {
                job.read.incrementAndGet();
                switch (parser.parse(cells)) {
                    case ImportRowParser.Accepted a -> {
                        batch.add(a.record());
                        if (batch.size() == BATCH) {
                            long t = System.nanoTime();
                            job.applied.addAndGet(upserts.apply(batch, SOURCE_IMPORTED, job.actor));
                            databaseNanos[0] += System.nanoTime() - t;
                            batch.clear();
                        }
                    }
                    case ImportRowParser.Rejected r -> job.reject(line, cells, r.reason());
                }
            });
            long t = System.nanoTime();
            job.applied.addAndGet(upserts.apply(batch, SOURCE_IMPORTED, job.actor));
            databaseNanos[0] += System.nanoTime() - t;
            delete(job.upload);
            String summary = "读取 " + job.read.get() + " 行，导入 " + job.applied.get() + " 行，拒绝 "
                    + job.rejected.get() + " 行";
            job.finish(State.DONE, summary, clock.instant());
            events.publishEvent(new EnterprisesImported(job.applied.get(), SOURCE_IMPORTED));
            audit.record(job.actor, job.organisationId, AUDIT_ACTION, job.fileName, Outcome.SUCCESS,
                    "完成：" + summary + "（作业 " + job.id + "）");
            log.info("Import {} of {}: {} in {} ms ({} ms in the database)", job.id, job.fileName, summary,
                    (System.nanoTime() - started) / 1_000_000, databaseNanos[0] / 1_000_000);
        } catch (InvalidRequestException e) {
            fail(job, e.getMessage());
        } catch (RuntimeException e) {
            log.error("Import {} of {} failed", job.id, job.fileName, e);
            fail(job, "导入中断（已导入的批次保留，可修正后重新导入同一文件）：" + rootMessage(e));
        }
    }

    private void fail(ImportJob job, String message) {
        job.finish(State.FAILED, message, clock.instant());
        if (job.applied.get() > 0) {
            events.publishEvent(new EnterprisesImported(job.applied.get(), SOURCE_IMPORTED));
        }
        delete(job.upload);
        try {
            audit.record(job.actor, job.organisationId, AUDIT_ACTION, job.fileName, Outcome.FAILURE,
                    message + "；读取 " + job.read.get() + " 行，导入 " + job.applied.get() + " 行（作业 " + job.id + "）");
        } catch (RuntimeException e) {
            log.warn("Could not audit the failed import {}", job.id, e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m.length() > 300 ? m.substring(0, 300) : m;
    }

    private void forgetOldJobs() {
        if (jobs.size() <= KEPT_JOBS) {
            return;
        }
        jobs.values().stream().filter(j -> j.status().finished())
                .sorted(java.util.Comparator.comparing(j -> j.startedAt))
                .limit(jobs.size() - KEPT_JOBS)
                .forEach(j -> {
                    jobs.remove(j.id);
                    j.deleteFiles();
                });
    }

    private static String suffix(String name) {
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot).toLowerCase(java.util.Locale.ROOT);
        return ext.matches("\\.[a-z]{1,5}") ? ext : ".upload";
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

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
