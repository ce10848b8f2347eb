package org.xuncha.organization;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;
import org.xuncha.XunchaApplication;
import org.xuncha.documents.XlsxReader;

/**
 * Benchmark of the registry import (not a test; run by {@code benchmark/import.sh}): starts the application (on a random
 * port) on a fresh embedded PostgreSQL with the demo district, then, for each run, generates a workbook with a
 * new township unit, 20 村居 and N households (10,000 by default) and imports it through {@link RegistryImport} as
 * office staff of the district. Measured in the same run, as a baseline: reading the same file with the streaming
 * reader and nothing else, and a plain JDBC batch insert of the same N household rows (no checks, no encryption,
 * rolled back). Prints each run and the medians.
 */
public final class RegistryImportBenchmark {

    private RegistryImportBenchmark() {}

    public static void main(String[] args) throws Exception {
        int households = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path dir = Files.createTempDirectory("xuncha-benchmark-");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(XunchaApplication.class)
                .properties(
                        "server.port=0",
                        "logging.level.root=warn",
                        "logging.level.org.xuncha.organization.RegistryImport=info")
                .run()) {
            RegistryImport registryImport = context.getBean(RegistryImport.class);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            TransactionTemplate transactions = context.getBean(TransactionTemplate.class);
            SecurityContextHolder.getContext()
                    .setAuthentication(new TestingAuthenticationToken("benchmark", null, "ROLE_OFFICE_STAFF"));
            long districtId = jdbc.queryForObject(
                    "select id from organization.region where code = ?", Long.class, BenchmarkWorkbooks.DISTRICT);
            RegionScope scope = RegionScope.of(List.of(districtId));

            List<Double> imports = new ArrayList<>();
            List<Double> reads = new ArrayList<>();
            List<Double> inserts = new ArrayList<>();
            System.out.printf(
                    "%nRegistry import benchmark: %d households, 1 warm-up + %d runs, %d cores, Java %s%n",
                    households, runs, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            for (int run = 0; run <= runs; run++) {
                Path file = dir.resolve("run-" + run + ".xlsx");
                BenchmarkWorkbooks.write(file, 900 + run, households);

                long start = System.nanoTime();
                int rows = readOnly(file);
                double read = seconds(start);

                start = System.nanoTime();
                insertPlainly(jdbc, transactions, file, run);
                double insert = seconds(start);

                start = System.nanoTime();
                ImportJob job =
                        registryImport.importNow(file, file.getFileName().toString(), scope);
                double imported = seconds(start);
                if (!job.succeeded() || job.summary().get(2).added() != households) {
                    throw new IllegalStateException("import failed: " + job.errors());
                }
                System.out.printf(
                        "%s %d: file %.1f MB, %d rows; import %.2f s, read only %.2f s, plain JDBC insert %.2f s%n",
                        run == 0 ? "warm-up" : "run", run, Files.size(file) / 1e6, rows, imported, read, insert);
                if (run > 0) {
                    imports.add(imported);
                    reads.add(read);
                    inserts.add(insert);
                }
            }
            double importMedian = median(imports);
            double baseline = median(reads) + median(inserts);
            System.out.printf(
                    "%nmedian import of %d households: %.2f s (target: under 5 s)%n", households, importMedian);
            System.out.printf(
                    "median read only: %.2f s, median plain JDBC batch insert: %.2f s, baseline (sum): %.2f s%n",
                    median(reads), median(inserts), baseline);
            System.out.printf("import / baseline: %.1f×%n%n", importMedian / baseline);
        }
    }

    /** Streams every sheet of the file and counts its rows: the cost of reading alone. */
    private static int readOnly(Path file) throws Exception {
        AtomicInteger rows = new AtomicInteger();
        try (XlsxReader reader = XlsxReader.open(file, file.getFileName().toString())) {
            reader.read(sheet -> (number, cells) -> rows.incrementAndGet());
        }
        return rows.get();
    }

    /** The household rows of the file inserted by a bare JDBC batch into an existing 村居, then rolled back. */
    private static void insertPlainly(JdbcTemplate jdbc, TransactionTemplate transactions, Path file, int run)
            throws Exception {
        List<String[]> rows = new ArrayList<>();
        try (XlsxReader reader = XlsxReader.open(file, file.getFileName().toString())) {
            reader.read(sheet -> sheet.equals(RegistrySheets.HOUSEHOLDS)
                    ? (number, cells) -> {
                        if (number > 1) {
                            rows.add(cells.toArray(String[]::new));
                        }
                    }
                    : null);
        }
        long localityId =
                jdbc.queryForObject("select min(id) from organization.region where level = 'LOCALITY'", Long.class);
        transactions.executeWithoutResult(status -> {
            jdbc.batchUpdate("""
                            insert into organization.household (locality_id, code, head_name, villager_group, address,
                                five_guarantees, minimum_living, dilapidated_housing, id_number_tail)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                            """, rows, 1_000, (PreparedStatement ps, String[] r) -> {
                ps.setLong(1, localityId);
                ps.setString(2, "B" + run + r[0]);
                ps.setString(3, r[2]);
                ps.setString(4, r[3]);
                ps.setString(5, r[4]);
                ps.setBoolean(6, "是".equals(r[5]));
                ps.setBoolean(7, "是".equals(r[6]));
                ps.setBoolean(8, "是".equals(r[7]));
                ps.setString(9, r[8].substring(14));
            });
            status.setRollbackOnly();
        });
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
