package org.sanrong.credit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.Reader;
import java.io.StringReader;
import java.io.Writer;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.sanrong.credit.scorecard.Bin;
import org.sanrong.credit.scorecard.FeatureBinning;
import org.sanrong.credit.scorecard.GradeScale;
import org.sanrong.credit.scorecard.LogisticFit;
import org.sanrong.credit.scorecard.PointsScale;
import org.sanrong.credit.scorecard.PointsTable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The scoring benchmark ({@code ./sanrong bench scoring}), two parts, each beside a ceiling measured in the same run:
 *
 * <ol>
 * <li><b>Kernel</b>: a points table of 50 numeric features with 7 cuts each scores N enterprises (default 500,000,
 * 200 MB of feature values, far beyond the caches) on one thread, row by row ({@link PointsTable#scoreAll}) and
 * column by column ({@link PointsTable#scoreColumns}); the ceiling is a plain sum over the same values, the memory
 * bandwidth one core gets, turned into the scores per second it would allow (400 bytes an enterprise). Timed by
 * the thread's CPU time, best of seven, so other work on a shared machine does not count.</li>
 * <li><b>End to end</b>: N enterprises' feature vectors (default 1,000,000) stored in PostgreSQL are streamed out
 * with COPY, parsed, scored and graded, and the scores streamed back with COPY into a table; the ceiling is a plain
 * COPY of the same rows out (to nothing) plus a plain COPY of the same scores in.</li>
 * </ol>
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "sanrong.bench", havingValue = "scoring")
class ScoringBench implements ApplicationRunner {

    static final int FEATURES = 50;
    static final int CUTS = 7;
    private static final int CHUNK = 65_536;

    private final DataSource dataSource;
    private final ConfigurableApplicationContext context;
    private final int kernelRows;
    private final int databaseRows;

    ScoringBench(DataSource dataSource, ConfigurableApplicationContext context,
            @Value("${sanrong.bench.kernel-rows:500000}") int kernelRows,
            @Value("${sanrong.bench.enterprises:1000000}") int databaseRows) {
        this.dataSource = dataSource;
        this.context = context;
        this.kernelRows = kernelRows;
        this.databaseRows = databaseRows;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        PointsTable table = table(new SplittableRandom(3));
        kernel(table);
        if (databaseRows > 0) {
            endToEnd(table);
        }
        System.exit(SpringApplication.exit(context, () -> 0));
    }

    /** 50 features, each 7 cut points at its quantiles of N(0, 1) and WoE rising with the value; 2% missing bins. */
    static PointsTable table(SplittableRandom r) {
        List<FeatureBinning> features = new ArrayList<>();
        List<Double> coefficients = new ArrayList<>();
        double[] z = {-1.15, -0.67, -0.32, 0, 0.32, 0.67, 1.15};
        for (int f = 0; f < FEATURES; f++) {
            List<Double> cuts = new ArrayList<>();
            List<Bin> bins = new ArrayList<>();
            double slope = 0.2 + 0.6 * r.nextDouble();
            for (int b = 0; b <= CUTS; b++) {
                double lower = b == 0 ? Double.NEGATIVE_INFINITY : z[b - 1];
                double upper = b == CUTS ? Double.POSITIVE_INFINITY : z[b];
                if (b > 0) {
                    cuts.add(z[b - 1]);
                }
                bins.add(new Bin("b" + b, lower, upper, List.of(), false, 100, 10, slope * (b - 3.5), 0.01));
            }
            bins.add(new Bin("缺失", Double.NaN, Double.NaN, List.of(), true, 10, 2, -0.3, 0.001));
            features.add(new FeatureBinning("f" + f, FeatureBinning.Kind.NUMERIC, cuts, bins, java.util.Map.of(),
                    CUTS + 1, FeatureBinning.NO_BIN, FeatureBinning.Trend.ASCENDING, 0.2));
            coefficients.add(-(0.3 + 0.4 * r.nextDouble()));
        }
        LogisticFit fit = new LogisticFit(-3.2, 0.1, coefficients, coefficients.stream().map(c -> 0.1).toList(),
                -1000, 7, LogisticFit.Status.CONVERGED, 0, 0, "bench");
        return PointsTable.of(features, fit, PointsScale.DEFAULT);
    }

    /** A value of feature f for enterprise e: N(0, 1) with 2% missing. */
    static double value(SplittableRandom r) {
        return r.nextDouble() < 0.02 ? Double.NaN : r.nextGaussian();
    }

    private void kernel(PointsTable table) {
        int n = kernelRows;
        SplittableRandom r = new SplittableRandom(5);
        double[][] columns = new double[FEATURES][n];
        double[] rows = new double[n * FEATURES];
        for (int e = 0; e < n; e++) {
            for (int f = 0; f < FEATURES; f++) {
                double v = value(r);
                columns[f][e] = v;
                rows[e * FEATURES + f] = v;
            }
        }
        int[] byRow = new int[n];
        int[] byColumn = new int[n];
        double best = Double.MAX_VALUE;
        double bestRow = Double.MAX_VALUE;
        double bestColumn = Double.MAX_VALUE;
        double sink = 0;
        // CPU time of this thread, so that other work on a shared machine does not count; best of 7
        var cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 7; round++) {
            long s = cpu.getCurrentThreadCpuTime();
            sink += sum(columns);
            best = Math.min(best, (cpu.getCurrentThreadCpuTime() - s) / 1e9);
            s = cpu.getCurrentThreadCpuTime();
            table.scoreAll(rows, n, byRow);
            bestRow = Math.min(bestRow, (cpu.getCurrentThreadCpuTime() - s) / 1e9);
            s = cpu.getCurrentThreadCpuTime();
            table.scoreColumns(columns, n, byColumn);
            bestColumn = Math.min(bestColumn, (cpu.getCurrentThreadCpuTime() - s) / 1e9);
        }
        for (int e = 0; e < n; e++) {
            if (byRow[e] != byColumn[e]) {
                throw new IllegalStateException("row and column layouts disagree for enterprise " + e);
            }
        }
        double bytes = (double) n * FEATURES * Double.BYTES;
        double bandwidth = bytes / best;
        double ceiling = bandwidth / (FEATURES * Double.BYTES);
        say("kernel: %d features of %d cuts, %,d enterprises (%.0f MB of values), one thread, CPU time, best of 7 "
                + "(checksum %.1f)",
                FEATURES, CUTS, n, bytes / 1e6, sink);
        say("ceiling, a plain sum over the same values: %.2f GB/s = %,.0f enterprises/s at %d bytes each",
                bandwidth / 1e9, ceiling, FEATURES * Double.BYTES);
        say("scoreAll (row by row):       %,.0f scores/s = %.2f of the ceiling", n / bestRow, n / bestRow / ceiling);
        say("scoreColumns (column by column): %,.0f scores/s = %.2f of the ceiling", n / bestColumn,
                n / bestColumn / ceiling);
    }

    /**
     * Reads every value once, as fast as one core can: eight independent sums (so the adds never wait on each
     * other), NaN taken as 0. What is left is the time to bring the bytes in from memory.
     */
    static double sum(double[][] columns) {
        double a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0;
        for (double[] c : columns) {
            int i = 0;
            for (; i + 7 < c.length; i += 8) {
                a0 += c[i] == c[i] ? c[i] : 0;
                a1 += c[i + 1] == c[i + 1] ? c[i + 1] : 0;
                a2 += c[i + 2] == c[i + 2] ? c[i + 2] : 0;
                a3 += c[i + 3] == c[i + 3] ? c[i + 3] : 0;
                a4 += c[i + 4] == c[i + 4] ? c[i + 4] : 0;
                a5 += c[i + 5] == c[i + 5] ? c[i + 5] : 0;
                a6 += c[i + 6] == c[i + 6] ? c[i + 6] : 0;
                a7 += c[i + 7] == c[i + 7] ? c[i + 7] : 0;
            }
            for (; i < c.length; i++) {
                a0 += c[i] == c[i] ? c[i] : 0;
            }
        }
        return a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7;
    }

    /** A writer that only counts what passes through it. */
    private static final class Counting extends Writer {
        long chars;

        @Override
        public void write(char[] b, int off, int len) {
            chars += len;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    private void endToEnd(PointsTable table) throws Exception {
        int n = databaseRows;
        GradeScale grades = GradeScale.DEFAULT;
        try (Connection c = dataSource.getConnection(); Connection out = dataSource.getConnection();
                Statement st = c.createStatement()) {
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            CopyManager copyBack = out.unwrap(PGConnection.class).getCopyAPI();
            st.execute("DROP TABLE IF EXISTS bench_features, bench_score, bench_score_plain");
            st.execute("CREATE UNLOGGED TABLE bench_features (credit_code char(18) PRIMARY KEY, f float8[] NOT NULL)");
            st.execute("CREATE UNLOGGED TABLE bench_score (credit_code char(18), score int, grade varchar(3))");
            st.execute("CREATE UNLOGGED TABLE bench_score_plain (credit_code char(18), score int, grade varchar(3))");
            long s = System.nanoTime();
            SplittableRandom r = new SplittableRandom(9);
            for (int from = 0; from < n; from += 100_000) {
                StringBuilder csv = new StringBuilder(100_000 * 420);
                for (int e = from; e < Math.min(n, from + 100_000); e++) {
                    csv.append(code(e)).append(",\"{");
                    for (int f = 0; f < FEATURES; f++) {
                        double v = value(r);
                        csv.append(f == 0 ? "" : ",").append(v != v ? "NULL" : String.format(Locale.ROOT, "%.4f", v));
                    }
                    csv.append("}\"\n");
                }
                copy.copyIn("COPY bench_features FROM STDIN (FORMAT csv)", new StringReader(csv.toString()));
            }
            st.execute("VACUUM ANALYZE bench_features");
            say("end to end: %,d feature vectors of %d values stored in %.1f s", n, FEATURES,
                    (System.nanoTime() - s) / 1e9);

            // the ceiling: the same rows out with a plain COPY, and the same number of score rows in
            s = System.nanoTime();
            Counting counted = new Counting();
            copy.copyOut("COPY bench_features TO STDOUT", counted);
            long bytesOut = counted.chars;
            double copyOut = (System.nanoTime() - s) / 1e9;
            StringBuilder scores = new StringBuilder(n * 26);
            for (int e = 0; e < n; e++) {
                scores.append(code(e)).append('\t').append(600).append('\t').append("BB").append('\n');
            }
            s = System.nanoTime();
            copy.copyIn("COPY bench_score_plain FROM STDIN", new StringReader(scores.toString()));
            double copyIn = (System.nanoTime() - s) / 1e9;
            scores.setLength(0);
            say("ceiling, plain COPY of the same rows: out %.1f s (%.0f MB), scores in %.1f s: %.1f s together",
                    copyOut, bytesOut / 1e6, copyIn, copyOut + copyIn);

            // end to end: stream out, parse, score and grade in chunks, stream the scores back in as we go
            s = System.nanoTime();
            PipedWriter toDatabase = new PipedWriter();
            PipedReader fromScoring = new PipedReader(toDatabase, 1 << 20);
            ExecutorService writer = Executors.newSingleThreadExecutor();
            Future<Long> written = writer.submit(() -> copyBack.copyIn("COPY bench_score FROM STDIN", fromScoring));
            PipedWriter fromDatabase = new PipedWriter();
            PipedReader features = new PipedReader(fromDatabase, 1 << 20);
            ExecutorService reader = Executors.newSingleThreadExecutor();
            Future<Long> read = reader.submit(() -> {
                try (fromDatabase) {
                    return copy.copyOut("COPY bench_features TO STDOUT", fromDatabase);
                }
            });
            long scored = score(table, grades, features, toDatabase);
            toDatabase.close();
            read.get();
            written.get();
            reader.shutdown();
            writer.shutdown();
            double endToEnd = (System.nanoTime() - s) / 1e9;
            long check;
            try (var rs = st.executeQuery("SELECT count(*) FROM bench_score")) {
                rs.next();
                check = rs.getLong(1);
            }
            if (check != scored || scored != n) {
                throw new IllegalStateException("scored " + scored + ", written " + check + ", expected " + n);
            }
            say("end to end, COPY out → parse → score and grade → COPY in: %,d enterprises in %.1f s = %,.0f /s"
                    + " -> %.1f x the plain COPY", check, endToEnd, scored / endToEnd, endToEnd / (copyOut + copyIn));
            st.execute("DROP TABLE bench_features, bench_score, bench_score_plain");
        }
    }

    /** Parses COPY text rows (code, {v,...}) a chunk at a time into columns, scores them and writes code, score, grade. */
    private static long score(PointsTable table, GradeScale grades, Reader in, Writer out) throws IOException {
        BufferedReader lines = new BufferedReader(in, 1 << 20);
        double[][] columns = new double[FEATURES][CHUNK];
        String[] codes = new String[CHUNK];
        int[] scores = new int[CHUNK];
        StringBuilder buffer = new StringBuilder(CHUNK * 26);
        long total = 0;
        int filled = 0;
        String line;
        while ((line = lines.readLine()) != null) {
            int tab = line.indexOf('\t');
            codes[filled] = line.substring(0, tab);
            int p = tab + 2; // after "\t{"
            for (int f = 0; f < FEATURES; f++) {
                int end = line.indexOf(f == FEATURES - 1 ? '}' : ',', p);
                columns[f][filled] = line.startsWith("NULL", p) ? Double.NaN : parse(line, p, end);
                p = end + 1;
            }
            if (++filled == CHUNK) {
                total += flush(table, grades, columns, codes, scores, filled, buffer, out);
                filled = 0;
            }
        }
        total += flush(table, grades, columns, codes, scores, filled, buffer, out);
        return total;
    }

    private static int flush(PointsTable table, GradeScale grades, double[][] columns, String[] codes, int[] scores,
            int count, StringBuilder buffer, Writer out) throws IOException {
        table.scoreColumns(columns, count, scores);
        buffer.setLength(0);
        for (int e = 0; e < count; e++) {
            buffer.append(codes[e]).append('\t').append(scores[e]).append('\t').append(grades.grade(scores[e]).name())
                    .append('\n');
        }
        out.append(buffer);
        return count;
    }

    /** A decimal written by PostgreSQL (sign, digits, a point, digits, perhaps an exponent), without allocating. */
    static double parse(String s, int from, int to) {
        int i = from;
        boolean negative = s.charAt(i) == '-';
        if (negative || s.charAt(i) == '+') {
            i++;
        }
        long mantissa = 0;
        int scale = 0;
        boolean point = false;
        for (; i < to; i++) {
            char ch = s.charAt(i);
            if (ch == '.') {
                point = true;
            } else if (ch >= '0' && ch <= '9' && mantissa < 100_000_000_000_000L) {
                mantissa = mantissa * 10 + (ch - '0');
                scale += point ? 1 : 0;
            } else if (ch >= '0' && ch <= '9') {
                scale -= point ? 0 : 1;
            } else {
                return Double.parseDouble(s.substring(from, to)); // an exponent or anything unusual
            }
        }
        double v = scale <= 18 && scale >= 0 ? mantissa / POWERS[scale] : mantissa / Math.pow(10, scale);
        return negative ? -v : v;
    }

    private static final double[] POWERS = new double[19];

    static {
        POWERS[0] = 1;
        for (int k = 1; k < POWERS.length; k++) {
            POWERS[k] = POWERS[k - 1] * 10;
        }
    }

    /** A made-up but well-formed credit code for enterprise e. */
    static String code(int e) {
        return String.format(Locale.ROOT, "914419%011dX", e);
    }

    private static void say(String format, Object... args) {
        System.out.println("[bench scoring] " + String.format(Locale.ROOT, format, args));
    }
}
