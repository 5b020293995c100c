package org.sanrong.demo;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import cn.idev.excel.ExcelWriter;
import cn.idev.excel.FastExcel;
import cn.idev.excel.write.metadata.WriteSheet;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.sanrong.enterprise.EnterpriseImports;
import org.sanrong.enterprise.EnterpriseSheet;
import org.sanrong.enterprise.ImportStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The enterprise import and demo population benchmark, run as a command of the application itself (see
 * docs/performance.md): it imports generated rows through the real import path into the configured (embedded)
 * PostgreSQL, prints rows/s beside a plain COPY of the same file into an unlogged table (the ceiling), the peak heap
 * used while importing, and the generator's rate, then exits. Never runs unless {@code sanrong.bench=population}.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "sanrong.bench", havingValue = "population")
class PopulationBench implements ApplicationRunner {

    private final EnterpriseImports imports;
    private final DataSource dataSource;
    private final ConfigurableApplicationContext context;
    private final int importRows;
    private final int generatorRows;

    PopulationBench(EnterpriseImports imports, DataSource dataSource, ConfigurableApplicationContext context,
            @Value("${sanrong.bench.import-rows:100000}") int importRows,
            @Value("${sanrong.bench.generator-rows:1000000}") int generatorRows) {
        this.imports = imports;
        this.dataSource = dataSource;
        this.context = context;
        this.importRows = importRows;
        this.generatorRows = generatorRows;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        Path dir = Files.createTempDirectory("sanrong-bench");
        long seed = System.nanoTime();
        PopulationGenerator generator = new PopulationGenerator(seed);
        Path file = dir.resolve("enterprises-" + importRows + ".csv");
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            EnterpriseSheet.writeCsvHeader(out);
            generator.generate(importRows, r -> EnterpriseSheet.writeCsv(out, r));
        }
        StringBuilder report = new StringBuilder("\n=== Enterprise import and demo population benchmark ===\n");
        report.append(String.format(Locale.ROOT, "JVM max heap %d MB, %d CPUs, file %s (%.1f MB, %d rows)%n",
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(), file.getFileName(),
                Files.size(file) / 1e6, importRows));

        double ceiling = copyCeiling(file);
        report.append(String.format(Locale.ROOT, "ceiling: COPY of the same CSV into an unlogged table of text columns %,10.0f rows/s%n",
                ceiling));

        Result insert = importOnce(file, "insert");
        double tableCeiling = insertSelectCeiling();
        Result update = importOnce(file, "update");
        Path xlsx = dir.resolve("enterprises-" + importRows + ".xlsx");
        writeXlsx(generator, xlsx);
        Result excel = importOnce(xlsx, "xlsx");
        Files.delete(xlsx);
        report.append(String.format(Locale.ROOT,
                "ceiling: bare INSERT ... SELECT of the rows into copies of both tables with their indexes "
                        + "%,10.0f rows/s%n", tableCeiling));
        for (Result r : new Result[] {insert, update, excel}) {
            report.append(String.format(Locale.ROOT, "import (%s path): %,10.0f rows/s in %.1f s = %.2f of the COPY "
                    + "ceiling, %.2f of the INSERT ceiling; peak heap used %d MB of %d MB%n", r.label, r.rate,
                    r.seconds, r.rate / ceiling, r.rate / tableCeiling, r.peakHeapMb,
                    Runtime.getRuntime().maxMemory() >> 20));
        }

        Path big = dir.resolve("population-" + generatorRows + ".csv");
        long t0 = System.nanoTime();
        AtomicLong sink = new AtomicLong();
        generator.generate(generatorRows, r -> sink.addAndGet(r.name().length()));
        double memRate = generatorRows / ((System.nanoTime() - t0) / 1e9);
        t0 = System.nanoTime();
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(big, StandardCharsets.UTF_8), 1 << 16)) {
            EnterpriseSheet.writeCsvHeader(out);
            generator.generate(generatorRows, r -> EnterpriseSheet.writeCsv(out, r));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        report.append(String.format(Locale.ROOT,
                "generator: %,d rows in memory %,10.0f rows/s; to CSV %,10.0f rows/s (%.1f s, %.0f MB)%n",
                generatorRows, memRate, generatorRows / seconds, seconds, Files.size(big) / 1e6));
        Files.delete(big);
        Files.delete(file);
        Files.delete(dir);
        System.out.println(report);
        System.exit(SpringApplication.exit(context, () -> 0));
    }

    /** Enterprises importRows .. 2·importRows-1 as an .xlsx, written in chunks so the writer streams too. */
    private void writeXlsx(PopulationGenerator generator, Path xlsx) {
        List<List<String>> head = EnterpriseSheet.headers().stream().map(List::of).toList();
        try (ExcelWriter writer = FastExcel.write(xlsx.toFile()).head(head).build()) {
            WriteSheet sheet = FastExcel.writerSheet("企业").build();
            List<List<Object>> chunk = new ArrayList<>(5_000);
            generator.generate(importRows, 2L * importRows, r -> {
                chunk.add(new ArrayList<>(Arrays.asList((Object[]) EnterpriseSheet.cells(r))));
                if (chunk.size() == 5_000) {
                    writer.write(chunk, sheet);
                    chunk.clear();
                }
            });
            if (!chunk.isEmpty()) {
                writer.write(chunk, sheet);
            }
        }
    }

    record Result(String label, double rate, double seconds, long peakHeapMb) {
    }

    private Result importOnce(Path file, String label) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long peak = memory.getHeapMemoryUsage().getUsed();
        long t0 = System.nanoTime();
        ImportStatus status;
        try (InputStream in = Files.newInputStream(file)) {
            status = imports.start(in, file.getFileName().toString());
        }
        while (true) {
            status = imports.status(status.id()).orElseThrow();
            peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
            if (status.finished()) {
                break;
            }
            Thread.sleep(5);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (status.state() != ImportStatus.State.DONE || status.applied() != importRows) {
            throw new IllegalStateException("import did not apply every row: " + status);
        }
        return new Result(switch (label) {
            case "insert" -> "CSV, new enterprises, INSERT";
            case "update" -> "CSV, same rows again, ON CONFLICT UPDATE";
            default -> ".xlsx, new enterprises, INSERT";
        },
                importRows / seconds, seconds, peak >> 20);
    }

    /**
     * What PostgreSQL needs just to write the imported rows into tables shaped like enterprise.enterprise and
     * enterprise.yearly_figures with all their indexes, in one multi-row INSERT each (no parsing, no checks).
     */
    private double insertSelectCeiling() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS public.bench_enterprise, public.bench_figures");
            s.execute("CREATE TABLE public.bench_enterprise (LIKE enterprise.enterprise INCLUDING ALL)");
            s.execute("CREATE TABLE public.bench_figures (LIKE enterprise.yearly_figures INCLUDING ALL)");
            s.execute("CREATE TEMP TABLE bench_source AS SELECT * FROM enterprise.enterprise "
                    + "WHERE source = 'IMPORTED' ORDER BY created_at DESC LIMIT " + importRows);
            s.execute("CREATE TEMP TABLE bench_source_figures AS SELECT f.* FROM enterprise.yearly_figures f "
                    + "JOIN bench_source e ON e.id = f.enterprise_id");
            long t0 = System.nanoTime();
            s.executeUpdate("INSERT INTO public.bench_enterprise SELECT * FROM bench_source");
            s.executeUpdate("INSERT INTO public.bench_figures SELECT * FROM bench_source_figures");
            double rate = importRows / ((System.nanoTime() - t0) / 1e9);
            s.execute("DROP TABLE public.bench_enterprise, public.bench_figures, bench_source, bench_source_figures");
            return rate;
        }
    }

    /** Raw PostgreSQL ingest of the same file: COPY into an unlogged table of text columns, no checks, no index. */
    private double copyCeiling(Path file) throws Exception {
        StringBuilder columns = new StringBuilder();
        for (int i = 0; i < EnterpriseSheet.values().length; i++) {
            columns.append(i == 0 ? "" : ", ").append("c").append(i).append(" text");
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS public.bench_copy_ceiling");
            s.execute("CREATE UNLOGGED TABLE public.bench_copy_ceiling (" + columns + ")");
            long t0 = System.nanoTime();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                c.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("COPY public.bench_copy_ceiling FROM STDIN WITH (FORMAT csv, HEADER true)", in);
            }
            double rate = importRows / ((System.nanoTime() - t0) / 1e9);
            s.execute("DROP TABLE public.bench_copy_ceiling");
            return rate;
        }
    }
}
