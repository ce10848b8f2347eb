package org.xuncha.fieldwork;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;
import org.xuncha.XunchaApplication;
import org.xuncha.documents.XlsxReader;
import org.xuncha.organization.RegionScope;
import org.xuncha.planning.RoundId;

/**
 * Benchmark of the household-visit import (not a test; run by {@code benchmark/visits-import.sh}): starts the
 * application on a fresh embedded PostgreSQL with the demo district, waits for the demo pilot, then for each run writes
 * a workbook of N visits (20,000 by default) to the pilot's households (every household in turn, dates within the
 * pilot's fieldwork) and imports it through {@link VisitImport} as office staff of the district. Measured in the same
 * run as a baseline: reading the same file with the streaming reader alone, and a plain JDBC batch insert of the same
 * N visit rows (no checks, rolled back). Prints each run, the medians and the ratio.
 */
public final class VisitImportBenchmark {

    private VisitImportBenchmark() {}

    public static void main(String[] args) throws Exception {
        int visits = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path dir = Files.createTempDirectory("xuncha-visits-benchmark-");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(XunchaApplication.class)
                .properties("server.port=0", "logging.level.root=warn")
                .run()) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            TransactionTemplate transactions = context.getBean(TransactionTemplate.class);
            VisitImport visitImport = context.getBean(VisitImport.class);
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
            LocalDate entry =
                    jdbc.queryForObject("select entry_date from planning.round where id = ?", LocalDate.class, pilot);
            long district = jdbc.queryForObject(
                    "select parent_id from organization.region where id = (select township_id from"
                            + " planning.round_locality where round_id = ? limit 1)",
                    Long.class,
                    pilot);
            List<Map<String, Object>> households = jdbc.queryForList(
                    "select h.id, h.code, h.locality_id from organization.household h join planning.round_locality l"
                            + " on l.locality_id = h.locality_id where l.round_id = ? order by h.code",
                    pilot);
            Authentication office = new TestingAuthenticationToken("benchmark", null, "ROLE_OFFICE_STAFF");
            SecurityContextHolder.getContext().setAuthentication(office);
            RegionScope scope = RegionScope.of(List.of(district));

            List<Double> imports = new ArrayList<>();
            List<Double> reads = new ArrayList<>();
            List<Double> inserts = new ArrayList<>();
            System.out.printf(
                    "%nVisit import benchmark: %d visits to %d households, 1 warm-up + %d runs, %d cores, Java %s%n",
                    visits,
                    households.size(),
                    runs,
                    Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"));
            for (int run = 0; run <= runs; run++) {
                Path file = dir.resolve("run-" + run + ".xlsx");
                write(file, households, visits, entry);

                long start = System.nanoTime();
                int rows = readOnly(file);
                double read = seconds(start);

                start = System.nanoTime();
                insertPlainly(jdbc, transactions, households, visits, pilot, entry);
                double insert = seconds(start);

                start = System.nanoTime();
                VisitImport.Result result =
                        visitImport.run(file, file.getFileName().toString(), new RoundId(pilot), scope, office);
                double imported = seconds(start);
                if (!result.succeeded() || result.imported() != visits) {
                    throw new IllegalStateException("import failed: " + result.errors());
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
            System.out.printf("%nmedian import of %d visits: %.2f s (target: under 5 s)%n", visits, importMedian);
            System.out.printf(
                    "median read only: %.2f s, median plain JDBC batch insert: %.2f s, baseline (sum): %.2f s%n",
                    median(reads), median(inserts), baseline);
            System.out.printf("import / baseline: %.1f×%n%n", importMedian / baseline);
        }
    }

    private static void write(Path file, List<Map<String, Object>> households, int visits, LocalDate entry)
            throws Exception {
        String[] labels = {"满意", "基本满意", "不满意"};
        try (SXSSFWorkbook book = new SXSSFWorkbook(500);
                OutputStream out = Files.newOutputStream(file)) {
            SXSSFSheet sheet = book.createSheet(VisitImport.SHEET);
            var header = sheet.createRow(0);
            for (int c = 0; c < VisitImport.COLUMNS.size(); c++) {
                header.createCell(c).setCellValue(VisitImport.COLUMNS.get(c).header());
            }
            for (int i = 0; i < visits; i++) {
                var row = sheet.createRow(i + 1);
                row.createCell(0).setCellValue((String)
                        households.get(i % households.size()).get("code"));
                row.createCell(1).setCellValue(entry.plusDays(i % 10).toString());
                row.createCell(2).setCellValue(labels[i % 3]);
                row.createCell(4).setCellValue(i % 4 == 0 ? "反映村内道路需要维修" : "");
            }
            book.write(out);
            book.dispose();
        }
    }

    private static int readOnly(Path file) throws Exception {
        AtomicInteger rows = new AtomicInteger();
        try (XlsxReader reader = XlsxReader.open(file, file.getFileName().toString())) {
            reader.read(sheet -> (number, cells) -> rows.incrementAndGet());
        }
        return rows.get();
    }

    /** The same number of visit rows inserted by a bare JDBC batch, then rolled back. */
    private static void insertPlainly(
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            List<Map<String, Object>> households,
            int visits,
            long pilot,
            LocalDate entry) {
        List<Integer> rows = new ArrayList<>(visits);
        for (int i = 0; i < visits; i++) {
            rows.add(i);
        }
        Timestamp now = Timestamp.from(Instant.now());
        transactions.executeWithoutResult(status -> {
            jdbc.batchUpdate(
                    "insert into fieldwork.household_visit (round_id, locality_id, path, household_id, household_code,"
                            + " visited_on, satisfaction, recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    rows,
                    1_000,
                    (PreparedStatement ps, Integer i) -> {
                        Map<String, Object> h = households.get(i % households.size());
                        ps.setLong(1, pilot);
                        ps.setLong(2, ((Number) h.get("locality_id")).longValue());
                        ps.setString(3, "/");
                        ps.setLong(4, ((Number) h.get("id")).longValue());
                        ps.setString(5, (String) h.get("code"));
                        ps.setDate(6, Date.valueOf(entry.plusDays(i % 10)));
                        ps.setString(7, "SATISFIED");
                        ps.setString(8, "benchmark");
                        ps.setTimestamp(9, now);
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
