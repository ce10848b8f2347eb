package org.xuncha.fieldwork;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.xuncha.organization.RegionScope;
import org.xuncha.planning.RoundId;

/**
 * For the province benchmark and {@link VisitImportBenchmark}: N visit rows to the households of a round in the
 * field, written as one workbook and imported through {@link VisitImport} (the page's code path, committed) and, as
 * the baseline, the same rows by PostgreSQL COPY (rolled back). {@link #measure} returns seconds {import, copy}.
 */
public final class ProvinceVisitImport {

    private static final String[] LABELS = {"满意", "基本满意", "不满意"};

    private ProvinceVisitImport() {}

    /** One file of {@code visits} rows, then COPY of the same rows, then the import of the file. */
    public static double[] measure(ApplicationContext context, long roundId, long districtId, int visits, Path dir)
            throws Exception {
        List<Map<String, Object>> households = households(context, roundId);
        LocalDate entry = entryDate(context, roundId);
        Path file = dir.resolve("visits-" + visits + ".xlsx");
        write(file, households, visits, entry);
        double copy = copy(context, roundId, households, visits, entry);
        double imported = importFile(context, roundId, districtId, file, visits);
        return new double[] {imported, copy};
    }

    /** The round's households with their 村居 and its path, by code. */
    static List<Map<String, Object>> households(ApplicationContext context, long roundId) {
        return context.getBean(JdbcTemplate.class)
                .queryForList(
                        "select h.id, h.code, h.locality_id, l.path from organization.household h join"
                                + " planning.round_locality l on l.locality_id = h.locality_id where l.round_id = ?"
                                + " order by h.code",
                        roundId);
    }

    static LocalDate entryDate(ApplicationContext context, long roundId) {
        return context.getBean(JdbcTemplate.class)
                .queryForObject("select entry_date from planning.round where id = ?", LocalDate.class, roundId);
    }

    /**
     * A workbook in the template's layout: visit i goes to household i mod n, on one of the first ten days of the
     * fieldwork, with the three satisfaction labels in turn and a raised problem on every fourth row.
     */
    static void write(Path file, List<Map<String, Object>> households, int visits, LocalDate entry) throws Exception {
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
                row.createCell(2).setCellValue(LABELS[i % 3]);
                row.createCell(4).setCellValue(i % 4 == 0 ? "反映村内道路需要维修" : "");
            }
            book.write(out);
            book.dispose();
        }
    }

    /** The baseline: the same rows as COPY text into the visit table, in a transaction rolled back; seconds. */
    static double copy(
            ApplicationContext context, long roundId, List<Map<String, Object>> households, int visits, LocalDate entry)
            throws Exception {
        StringBuilder text = new StringBuilder(visits * 96);
        for (int i = 0; i < visits; i++) {
            Map<String, Object> h = households.get(i % households.size());
            text.append(roundId)
                    .append('\t')
                    .append(h.get("locality_id"))
                    .append('\t')
                    .append(h.get("path"))
                    .append('\t')
                    .append(h.get("id"))
                    .append('\t')
                    .append(h.get("code"))
                    .append('\t')
                    .append(entry.plusDays(i % 10))
                    .append('\t')
                    .append(i % 4 == 0 ? "反映村内道路需要维修" : "\\N")
                    .append('\t')
                    .append(i % 3 == 0 ? "SATISFIED" : i % 3 == 1 ? "BASICALLY_SATISFIED" : "DISSATISFIED")
                    .append("\tbenchmark\t2026-11-28 10:00:00+08\n");
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        DataSource dataSource = context.getBean("dataSource", DataSource.class);
        long start = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            CopyIn in = connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("copy fieldwork.household_visit (round_id, locality_id, path, household_id, household_code,"
                            + " visited_on, raised, satisfaction, recorded_by, recorded_at) from stdin");
            in.writeToCopy(bytes, 0, bytes.length);
            in.endCopy();
            connection.rollback();
            connection.setAutoCommit(true);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** The file through {@link VisitImport} as office staff of the district, committed; seconds. */
    static double importFile(ApplicationContext context, long roundId, long districtId, Path file, int visits) {
        Authentication office = new TestingAuthenticationToken("benchmark", null, "ROLE_OFFICE_STAFF");
        SecurityContextHolder.getContext().setAuthentication(office);
        VisitImport visitImport = context.getBean(VisitImport.class);
        try {
            long start = System.nanoTime();
            VisitImport.Result result = visitImport.run(
                    file,
                    file.getFileName().toString(),
                    new RoundId(roundId),
                    RegionScope.of(List.of(districtId)),
                    office);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (!result.succeeded() || result.imported() != visits) {
                throw new IllegalStateException("import failed (" + result.imported() + " of " + visits + "): "
                        + result.errors().stream().limit(10).toList());
            }
            return seconds;
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
