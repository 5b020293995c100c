package org.sanrong.enterprise;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.sanrong.enterprise.ImportStatus.RejectedRow;
import org.sanrong.enterprise.ImportStatus.State;

/** One running or finished import; its counters are read by the progress page while the worker writes them. */
final class ImportJob {

    static final int SHOWN_REJECTIONS = 200;

    final UUID id = UUID.randomUUID();
    final String fileName;
    final String actor;
    final @Nullable UUID organisationId;
    final Path upload;
    final Path rejectedFile;
    final Instant startedAt;
    final ImportSheetReader reader;
    final AtomicLong read = new AtomicLong();
    final AtomicLong applied = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    private final List<RejectedRow> shown = new ArrayList<>();
    private volatile State state = State.QUEUED;
    private volatile @Nullable String message;
    private volatile @Nullable Instant finishedAt;
    private @Nullable Writer rejectedWriter;

    ImportJob(String fileName, String actor, @Nullable UUID organisationId, Path upload, Instant startedAt) {
        this.fileName = fileName;
        this.actor = actor;
        this.organisationId = organisationId;
        this.upload = upload;
        this.startedAt = startedAt;
        this.reader = new ImportSheetReader(upload, fileName);
        this.rejectedFile = upload.resolveSibling(upload.getFileName() + ".rejected.csv");
    }

    void running() {
        state = State.RUNNING;
    }

    void finish(State end, @Nullable String message, Instant at) {
        this.message = message;
        this.finishedAt = at;
        closeRejected();
        this.state = end;
    }

    void reject(long line, String[] cells, String reason) {
        rejected.incrementAndGet();
        String code = cells[EnterpriseSheet.CREDIT_CODE.ordinal()];
        String name = cells[EnterpriseSheet.NAME.ordinal()];
        synchronized (shown) {
            if (shown.size() < SHOWN_REJECTIONS) {
                shown.add(new RejectedRow(line, code, name, reason));
            }
        }
        try {
            if (rejectedWriter == null) {
                rejectedWriter = new BufferedWriter(Files.newBufferedWriter(rejectedFile, StandardCharsets.UTF_8));
                rejectedWriter.write('\uFEFF');
                List<String> header = new ArrayList<>(List.of("行号", "原因"));
                header.addAll(EnterpriseSheet.headers());
                EnterpriseSheet.writeCsvRow(rejectedWriter, header.toArray(String[]::new));
            }
            String[] row = new String[cells.length + 2];
            row[0] = Long.toString(line);
            row[1] = reason;
            for (int i = 0; i < cells.length; i++) {
                row[i + 2] = cells[i] == null ? "" : cells[i];
            }
            EnterpriseSheet.writeCsvRow(rejectedWriter, row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void closeRejected() {
        if (rejectedWriter != null) {
            try {
                rejectedWriter.close();
            } catch (IOException e) {
                // the report on the page still lists the first rejections
            }
            rejectedWriter = null;
        }
    }

    boolean hasRejectedFile() {
        return state == State.DONE || state == State.FAILED ? Files.exists(rejectedFile) : false;
    }

    void deleteFiles() {
        try {
            Files.deleteIfExists(upload);
            Files.deleteIfExists(rejectedFile);
        } catch (IOException e) {
            // temp files; the OS cleans up
        }
    }

    ImportStatus status() {
        State s = state;
        int percent;
        if (s == State.DONE) {
            percent = 100;
        } else if (s == State.QUEUED) {
            percent = 0;
        } else {
            double f = reader.progress().fraction();
            percent = f < 0 ? -1 : (int) Math.min(99, Math.floor(f * 100));
        }
        List<RejectedRow> rows;
        synchronized (shown) {
            rows = List.copyOf(shown);
        }
        return new ImportStatus(id, fileName, s, read.get(), applied.get(), rejected.get(), percent, message,
                startedAt, finishedAt, rows);
    }
}
