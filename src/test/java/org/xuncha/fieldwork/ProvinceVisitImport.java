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
 * For the province benchmark: N visit rows to the households of a round in the field, imported through {@link
 * VisitImport} (the page's code path, committed) and, as the baseline, the same rows by PostgreSQL COPY (rolled
 * back). Returns seconds {import, copy}.
 */
public final class ProvinceVisitImport {

    private ProvinceVisitImport() {}

    public static double[] measure(ApplicationContext context, long roundId, long districtId, int visits, Path dir)
            throws Exception {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        LocalDate entry =
                jdbc.queryForObject("select entry_date from planning.round where id = ?", LocalDate.class, roundId);
        List<Map<String, Object>> households = jdbc.queryForList(
                "select h.id, h.code, h.locality_id, l.path from organization.household h join planning.round_locality l"
                        + " on l.locality_id = h.locality_id where l.round_id = ? order by h.code",
                roundId);
        // the import takes at most 20,000 rows a file (xlsx.tooManyRows): the rows go into as many files as needed
        int perFile = 20_000;
        List<Path> files = new java.util.ArrayList<>();
        String[] labels = {"满意", "基本满意", "不满意"};
        for (int first = 0; first < visits; first += perFile) {
            Path file = dir.resolve("visits-" + first + ".xlsx");
            files.add(file);
            try (SXSSFWorkbook book = new SXSSFWorkbook(500);
                    OutputStream out = Files.newOutputStream(file)) {
                SXSSFSheet sheet = book.createSheet(VisitImport.SHEET);
                var header = sheet.createRow(0);
                for (int c = 0; c < VisitImport.COLUMNS.size(); c++) {
                    header.createCell(c).setCellValue(VisitImport.COLUMNS.get(c).header());
                }
                for (int i = first; i < Math.min(visits, first + perFile); i++) {
                    var row = sheet.createRow(i - first + 1);
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

        // baseline: the same rows as COPY text, in a transaction rolled back
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
        DataSource dataSource = context.getBean("dataSource", DataSource.class);
        long start = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            CopyIn in = connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("copy fieldwork.household_visit (round_id, locality_id, path, household_id, household_code,"
                            + " visited_on, raised, satisfaction, recorded_by, recorded_at) from stdin");
            in.writeToCopy(bytes, 0, bytes.length);
            in.endCopy();
            connection.rollback();
        }
        double copy = (System.nanoTime() - start) / 1e9;

        Authentication office = new TestingAuthenticationToken("benchmark", null, "ROLE_OFFICE_STAFF");
        SecurityContextHolder.getContext().setAuthentication(office);
        VisitImport visitImport = context.getBean(VisitImport.class);
        start = System.nanoTime();
        int total = 0;
        for (Path file : files) {
            VisitImport.Result result = visitImport.run(
                    file,
                    file.getFileName().toString(),
                    new RoundId(roundId),
                    RegionScope.of(List.of(districtId)),
                    office);
            if (result.errorCount() > 0) {
                throw new IllegalStateException("import failed: " + result.errors());
            }
            total += result.imported();
        }
        double imported = (System.nanoTime() - start) / 1e9;
        SecurityContextHolder.clearContext();
        if (total != visits) {
            throw new IllegalStateException("imported " + total + " of " + visits);
        }
        return new double[] {imported, copy};
    }
}
