package org.xuncha.province;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.xuncha.XunchaApplication;
import org.xuncha.documents.XlsxExport;

/**
 * The export part of the province benchmark, run in its own JVM with {@code -Xmx256m} (not a test): streams every
 * finding of the province (no confidential column: leads' sealed content is not read) from a server-side cursor
 * through documents' {@link XlsxExport} (SXSSF, 500-row window) into {@code target/bench/findings.xlsx}, and writes
 * time, size and the heap's peak to {@code target/bench/export.properties}.
 */
public final class FindingsExportBenchmark {

    private FindingsExportBenchmark() {}

    public static void main(String[] args) throws Exception {
        System.setProperty("xuncha.test.keep-data-dir", "true");
        // a free port: application.yml names one, and a default property would not override it
        System.setProperty("server.port", "0");
        Path out = Path.of("target", "bench");
        Files.createDirectories(out);
        Path file = out.resolve("findings.xlsx");
        String outcome = "MISSED";
        long rows = 0;
        double seconds = 0;
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(XunchaApplication.class)
                .properties("logging.level.root=warn")
                .run()) {
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean("dataSource", javax.sql.DataSource.class));
            jdbc.setFetchSize(2_000);
            String path = jdbc.queryForObject(
                    "select path from organization.region where code = ?",
                    String.class,
                    ProvinceGenerator.PROVINCE_CODE);
            TransactionTemplate transactions = context.getBean(TransactionTemplate.class);
            List<String> headers =
                    List.of("编号", "轮次", "巡察组", "乡镇（街道）", "村居", "问题类别", "问题描述", "严重程度", "状态", "立行立改", "记录时间");
            long[] count = {0};
            long start = System.nanoTime();
            try (OutputStream stream = Files.newOutputStream(file)) {
                transactions.executeWithoutResult(status -> {
                    try (Stream<List<@Nullable Object>> stream2 = jdbc.queryForStream(
                            "select id, round_id, group_number, township_name, locality_name, category, description,"
                                    + " severity, state, fixed_on_the_spot, recorded_at from findings.finding where"
                                    + " locality_path like ? order by id",
                            (rs, n) -> {
                                count[0]++;
                                List<@Nullable Object> row = new ArrayList<>(11);
                                for (int c = 1; c <= 11; c++) {
                                    row.add(
                                            c == 11
                                                    ? rs.getObject(c, java.time.OffsetDateTime.class)
                                                    : rs.getObject(c));
                                }
                                return row;
                            },
                            path + "%")) {
                        XlsxExport.write(stream, List.of(new XlsxExport.SheetData("问题", headers, stream2)));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
            }
            seconds = (System.nanoTime() - start) / 1e9;
            rows = count[0];
            outcome = "met";
        } catch (OutOfMemoryError e) {
            outcome = "MISSED (OutOfMemoryError)";
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        String properties = String.join(
                        "\n",
                        Arrays.asList(
                                "rows=" + rows,
                                "seconds=" + String.format("%.1f", seconds),
                                "mb=" + String.format("%.1f", Files.exists(file) ? Files.size(file) / 1e6 : 0),
                                "peakHeapMb=" + peak / (1 << 20),
                                "xmx=" + Runtime.getRuntime().maxMemory() / (1 << 20) + "m",
                                "outcome=" + outcome))
                + "\n";
        Files.writeString(out.resolve("export.properties"), properties);
        System.out.print(properties);
        System.exit(0);
    }
}
