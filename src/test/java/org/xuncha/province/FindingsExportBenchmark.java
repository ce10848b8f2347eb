package org.xuncha.province;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipFile;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xuncha.XunchaApplication;

/**
 * The export part of the province benchmark, run in its own JVM with {@code -Xmx256m} (not a test): starts the
 * application in that JVM, signs in as the province's leader ({@code bench-province}) and downloads the findings
 * list's export of every round ({@code GET /findings/list.xlsx?round=all}, the page's own export: a server-side cursor
 * through documents' {@link org.xuncha.documents.XlsxExport}, SXSSF) into {@code target/bench/findings.xlsx}; checks
 * the file is a whole workbook and writes time, rows in scope, size and the heap's peak (server and client together)
 * to {@code target/bench/export.properties}.
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
        Files.deleteIfExists(file);
        String outcome = "MISSED";
        long rows = 0;
        double seconds = 0;
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(XunchaApplication.class)
                .properties("logging.level.root=warn")
                .run()) {
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            String base = "http://127.0.0.1:" + port;
            JdbcClient jdbc = JdbcClient.create(context.getBean("dataSource", javax.sql.DataSource.class));
            String path = jdbc.sql("select path from organization.region where code = :c")
                    .param("c", ProvinceGenerator.PROVINCE_CODE)
                    .query(String.class)
                    .single();
            rows = jdbc.sql("select count(*) from findings.finding where locality_path like :p")
                    .param("p", path + "%")
                    .query(Long.class)
                    .single();
            String password =
                    ProvinceBenchmark.password(Path.of(context.getEnvironment().getProperty("xuncha.data-dir")));
            HttpClient http = ProvinceBenchmark.signIn(base, "bench-province", password);
            long start = System.nanoTime();
            HttpResponse<Path> response = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/findings/list.xlsx?round=all"))
                            .build(),
                    HttpResponse.BodyHandlers.ofFile(file));
            seconds = (System.nanoTime() - start) / 1e9;
            if (response.statusCode() != 200) {
                outcome = "MISSED (HTTP " + response.statusCode() + ")";
            } else {
                try (ZipFile workbook = new ZipFile(file.toFile())) {
                    outcome = workbook.getEntry("xl/worksheets/sheet1.xml") != null ? "met" : "MISSED (no sheet)";
                }
            }
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
