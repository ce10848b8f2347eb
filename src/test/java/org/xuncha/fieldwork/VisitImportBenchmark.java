package org.xuncha.fieldwork;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.xuncha.XunchaApplication;
import org.xuncha.documents.XlsxReader;

/**
 * Benchmark of the household-visit import (not a test; run by {@code benchmark/visits-import.sh}): starts the
 * application on a fresh embedded PostgreSQL with the demo district, waits for the demo pilot, then for each run writes
 * one workbook of N visits (100,000 by default) to the pilot's households (every household in turn, dates within the
 * pilot's fieldwork) and imports it through {@link VisitImport} as office staff of the district, committed. The
 * baseline, measured in the same run: PostgreSQL COPY of the same N visit rows (no checks, rolled back). Reading the
 * same file with the streaming reader alone is timed too, to show where the import's time goes. Prints each run, the
 * medians and the import's row rate as a share of COPY's.
 */
public final class VisitImportBenchmark {

    private VisitImportBenchmark() {}

    public static void main(String[] args) throws Exception {
        int visits = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path dir = Files.createTempDirectory("xuncha-visits-benchmark-");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(XunchaApplication.class)
                .properties("server.port=0", "logging.level.root=warn")
                .run()) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
            while (jdbc.queryForObject(
                            "select count(*) from planning.round where kind = 'PILOT' and state = 'FIELDWORK_FINISHED'",
                            Long.class)
                    == 0) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("the demo pilot did not appear");
                }
                Thread.sleep(500);
            }
            long pilot = jdbc.queryForObject("select id from planning.round where kind = 'PILOT'", Long.class);
            LocalDate entry = ProvinceVisitImport.entryDate(context, pilot);
            long district = jdbc.queryForObject(
                    "select parent_id from organization.region where id = (select township_id from"
                            + " planning.round_locality where round_id = ? limit 1)",
                    Long.class,
                    pilot);
            List<Map<String, Object>> households = ProvinceVisitImport.households(context, pilot);

            List<Double> imports = new ArrayList<>();
            List<Double> reads = new ArrayList<>();
            List<Double> copies = new ArrayList<>();
            System.out.printf(
                    "%nVisit import benchmark: %d visits to %d households in one file, 1 warm-up + %d runs, %d cores,"
                            + " -Xmx%dm, Java %s%n",
                    visits,
                    households.size(),
                    runs,
                    Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() / (1 << 20),
                    System.getProperty("java.version"));
            for (int run = 0; run <= runs; run++) {
                Path file = dir.resolve("run-" + run + ".xlsx");
                ProvinceVisitImport.write(file, households, visits, entry);

                long start = System.nanoTime();
                int rows = readOnly(file);
                double read = seconds(start);

                double copy = ProvinceVisitImport.copy(context, pilot, households, visits, entry);
                double imported = ProvinceVisitImport.importFile(context, pilot, district, file, visits);
                System.out.printf(
                        "%s %d: file %.1f MB, %d rows; import %.2f s, COPY %.2f s, read only %.2f s%n",
                        run == 0 ? "warm-up" : "run", run, Files.size(file) / 1e6, rows, imported, copy, read);
                Files.delete(file);
                if (run > 0) {
                    imports.add(imported);
                    reads.add(read);
                    copies.add(copy);
                }
            }
            double importMedian = median(imports);
            double copyMedian = median(copies);
            System.out.printf(
                    "%nmedian import of %d visits: %.2f s (%,.0f rows/s); median COPY: %.2f s (%,.0f rows/s);"
                            + " median read only: %.2f s%n",
                    visits, importMedian, visits / importMedian, copyMedian, visits / copyMedian, median(reads));
            System.out.printf(
                    "import's row rate: %.0f%% of COPY's (target: at least 30%%)%n%n", 100 * copyMedian / importMedian);
        }
    }

    private static int readOnly(Path file) throws Exception {
        AtomicInteger rows = new AtomicInteger();
        try (XlsxReader reader = XlsxReader.open(file, file.getFileName().toString())) {
            reader.read(sheet -> (number, cells) -> rows.incrementAndGet());
        }
        return rows.get();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static double median(List<Double> values) {
        double[] sorted =
                values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
