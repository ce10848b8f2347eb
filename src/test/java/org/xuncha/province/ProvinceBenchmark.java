package org.xuncha.province;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xuncha.XunchaApplication;
import org.xuncha.fieldwork.ProvinceVisitImport;
import org.xuncha.statistics.Figure;
import org.xuncha.statistics.Scorecard;
import org.xuncha.statistics.Selection;

/**
 * 省级基准测试 (not a test; run by {@code benchmark/province.sh run}): starts the application on the generated
 * province (heap as the script gives it, -Xmx1g), then measures the scorecard aggregates, three pages under 32
 * concurrent clients next to the health endpoint, and the visit import against COPY; adds the export figures
 * measured before in a 256 MB JVM ({@link FindingsExportBenchmark}), prints one table and writes it to {@code
 * target/bench/province.md}.
 */
public final class ProvinceBenchmark {

    /**
     * The scorecard's figures for a scope (region path prefix {@code :p}): 村居 covered, talks and person-times,
     * visits and dissatisfied ones, petitions, findings (fixed on the spot, approved), leads transferred, tasks (closed
     * out, on time). Rounds in scope are found through their term's district path, so the visit and talk counts use
     * the (round_id, locality_id) indexes.
     */
    static final List<String> FIGURES = List.of(
            "select count(distinct rl.locality_id) from planning.round_locality rl join planning.round r on r.id ="
                    + " rl.round_id where r.state <> 'PLANNED' and r.state <> 'APPROVED' and r.state <> 'IN_FIELD'"
                    + " and rl.path like :p",
            "select count(*), coalesce(sum(person_times), 0) from fieldwork.talk where round_id in (select r.id from"
                    + " planning.round r join planning.term t on t.id = r.term_id where t.district_path like :p)"
                    + " and path like :p",
            "select count(*), count(*) filter (where satisfaction = 'DISSATISFIED') from fieldwork.household_visit"
                    + " where round_id in (select r.id from planning.round r join planning.term t on t.id = r.term_id"
                    + " where t.district_path like :p) and path like :p",
            "select count(*), count(*) filter (where status = 'CONCLUDED') from intake.petition where path like :p",
            "select count(*), count(*) filter (where fixed_on_the_spot), count(*) filter (where state = 'APPROVED')"
                    + " from findings.finding where locality_path like :p",
            "select count(*) filter (where state <> 'RAISED') from findings.lead where locality_path like :p",
            "select count(*), count(*) filter (where state = 'CLOSED_OUT'), count(*) filter (where closed_on <="
                    + " deadline) from rectification.task where locality_path like :p");

    private ProvinceBenchmark() {}

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int clients = 32;
        int visits = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int samples = 40;
        System.setProperty("xuncha.test.keep-data-dir", "true");
        // a free port: application.yml names one, and a default property would not override it
        System.setProperty("server.port", "0");
        Path out = Path.of("target", "bench");
        Files.createDirectories(out);
        List<String[]> table = new ArrayList<>();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(XunchaApplication.class)
                .properties("logging.level.root=warn")
                .run()) {
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            DataSource app = context.getBean("dataSource", DataSource.class);
            JdbcClient jdbc = JdbcClient.create(app);
            String provincePath = jdbc.sql("select path from organization.region where code = :c")
                    .param("c", ProvinceGenerator.PROVINCE_CODE)
                    .query(String.class)
                    .single();
            long districtId = jdbc.sql("select id from organization.region where code = 'BENCH-D0'")
                    .query(Long.class)
                    .single();
            String districtPath = jdbc.sql("select path from organization.region where id = :id")
                    .param("id", districtId)
                    .query(String.class)
                    .single();
            long households = jdbc.sql("select count(*) from organization.household")
                    .query(Long.class)
                    .single();
            long findings = jdbc.sql("select count(*) from findings.finding")
                    .query(Long.class)
                    .single();
            System.out.printf(
                    "province %s: %,d households, %,d findings; app on port %d%n",
                    provincePath, households, findings, port);

            // 1. scorecard: every figure with its breakdowns as the scorecard page computes them (statistics'
            // Scorecard, reading the tallies where the scope allows), against the plain aggregates over the raw
            // tables as one JDBC statement each with the prefix as a literal
            Scorecard scorecard = context.getBean(Scorecard.class);
            for (String[] scope : new String[][] {{"区 (1 district)", districtPath}, {"省 (province)", provincePath}}) {
                Selection selection = new Selection(
                        List.of(scope[1] + "%"),
                        "%",
                        LocalDate.of(1900, 1, 1),
                        LocalDate.of(9999, 12, 31),
                        -1,
                        null,
                        LocalDate.now());
                double[] viaApp = new double[samples];
                double[] plain = new double[samples];
                for (int i = -3; i < samples; i++) {
                    long start = System.nanoTime();
                    scorecard.figures(selection);
                    double app1 = (System.nanoTime() - start) / 1e6;
                    start = System.nanoTime();
                    try (Connection connection = app.getConnection();
                            Statement statement = connection.createStatement()) {
                        for (String figure : FIGURES) {
                            try (ResultSet rs = statement.executeQuery(figure.replace(":p", "'" + scope[1] + "%'"))) {
                                while (rs.next()) {
                                    rs.getLong(1);
                                }
                            }
                        }
                    }
                    double plain1 = (System.nanoTime() - start) / 1e6;
                    if (i >= 0) {
                        viaApp[i] = app1;
                        plain[i] = plain1;
                    }
                }
                double target = scope[1].equals(districtPath) ? 50 : 500;
                table.add(row(
                        "scorecard " + scope[0] + ": all " + Figure.values().length
                                + " figures with breakdowns (Scorecard.figures)",
                        String.format("p50 %.0f ms, p95 %.0f ms", pct(viaApp, 50), pct(viaApp, 95)),
                        String.format(
                                "plain SQL, %d aggregates over the tables: p50 %.0f ms, p95 %.0f ms",
                                FIGURES.size(), pct(plain, 50), pct(plain, 95)),
                        String.format("%.2f×", pct(viaApp, 95) / pct(plain, 95)),
                        String.format("p95 ≤ %.0f ms: %s", target, pct(viaApp, 95) <= target ? "met" : "MISSED")));
            }

            // 2. pages under 32 clients, next to the health endpoint
            String password = password(Path.of(context.getEnvironment().getProperty("xuncha.data-dir")));
            String base = "http://127.0.0.1:" + port;
            HttpClient http = signIn(base, "bench-district", password);
            long round = jdbc.sql("select round_id from findings.finding where locality_path like :p and state ="
                            + " 'APPROVED' group by round_id order by count(*) desc limit 1")
                    .param("p", districtPath + "%")
                    .query(Long.class)
                    .single();
            long perRound = jdbc.sql("select count(*) from findings.finding where round_id = :r and state = 'APPROVED'")
                    .param("r", round)
                    .query(Long.class)
                    .single();
            long locality = jdbc.sql("select locality_id from planning.round_locality where round_id = :r limit 1")
                    .param("r", round)
                    .query(Long.class)
                    .single();
            // the statistics module's scorecard page, signed in as the district's office and the province's leader
            for (String user : List.of("bench-district", "bench-province")) {
                try {
                    HttpClient signedIn = signIn(base, user, password);
                    HttpRequest page = HttpRequest.newBuilder(URI.create(base + "/statistics"))
                            .build();
                    double[] times = new double[samples];
                    for (int i = -3; i < samples; i++) {
                        long start = System.nanoTime();
                        HttpResponse<byte[]> response = signedIn.send(page, HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException("/statistics answered " + response.statusCode());
                        }
                        if (i >= 0) {
                            times[i] = (System.nanoTime() - start) / 1e6;
                        }
                    }
                    double target = user.equals("bench-district") ? 50 : 500;
                    table.add(row(
                            "statistics scorecard page GET /statistics as " + user,
                            String.format("p50 %.0f ms, p95 %.0f ms", pct(times, 50), pct(times, 95)),
                            "",
                            "",
                            String.format("p95 ≤ %.0f ms: %s", target, pct(times, 95) <= target ? "met" : "MISSED")));
                } catch (RuntimeException e) {
                    table.add(
                            row("statistics scorecard page as " + user, "not measured: " + e.getMessage(), "", "", ""));
                }
            }
            // the dashboard's data (all its charts) for the district, as its office: the page loads it once
            try {
                HttpRequest dashboard = HttpRequest.newBuilder(URI.create(base + "/dashboard/data"))
                        .build();
                double[] times = new double[samples];
                for (int i = -3; i < samples; i++) {
                    long start = System.nanoTime();
                    HttpResponse<byte[]> response = http.send(dashboard, HttpResponse.BodyHandlers.ofByteArray());
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("/dashboard/data answered " + response.statusCode());
                    }
                    if (i >= 0) {
                        times[i] = (System.nanoTime() - start) / 1e6;
                    }
                }
                table.add(row(
                        "leaders' dashboard data GET /dashboard/data as bench-district (every chart)",
                        String.format("p50 %.0f ms, p95 %.0f ms", pct(times, 50), pct(times, 95)),
                        "",
                        "",
                        String.format("under 1 s: %s", pct(times, 95) < 1000 ? "met" : "MISSED")));
            } catch (RuntimeException e) {
                table.add(row("leaders' dashboard data", "not measured: " + e.getMessage(), "", "", ""));
            }
            // two floors: the health endpoint (one database check, as every page has at least one round trip) and
            // the liveness probe (no database at all)
            double[] liveness = load(http, base + "/actuator/health/liveness", clients, seconds);
            table.add(row(
                    "floor without database: GET /actuator/health/liveness, 32 clients",
                    String.format("%.0f req/s, p99 %.1f ms", liveness[0], liveness[1]),
                    "",
                    "",
                    ""));
            double[] floor = load(http, base + "/actuator/health", clients, seconds);
            String[] floorCells = {String.format("%.0f req/s, p99 %.1f ms", floor[0], floor[1])};
            table.add(row(
                    "floor: GET /actuator/health (one database check), 32 clients", floorCells[0], "", "1.00×", ""));
            String[][] pages = {
                {
                    "findings list of a round, state APPROVED (" + perRound + " rows), 32 clients",
                    "/findings?round=" + round + "&state=APPROVED"
                },
                {"村居 page, 32 clients", "/localities/" + locality}
            };
            for (String[] page : pages) {
                double[] result = load(http, base + page[1], clients, seconds);
                boolean met = result[1] <= 100 && result[0] >= 0.4 * floor[0];
                table.add(row(
                        page[0],
                        String.format("%.0f req/s, p99 %.1f ms", result[0], result[1]),
                        floorCells[0],
                        String.format(
                                "%.2f× of floor (%.2f× of the liveness floor)",
                                result[0] / floor[0], result[0] / liveness[0]),
                        "p99 ≤ 100 ms and ≥ 40% of floor: " + (met ? "met" : "MISSED")
                                + (result[2] > 0 ? String.format(" (%.0f errors)", result[2]) : "")));
            }

            // 3. visit import against COPY
            long inField = jdbc.sql("select r.id from planning.round r join planning.term t on t.id = r.term_id"
                            + " where t.district_id = :d and r.state = 'IN_FIELD' limit 1")
                    .param("d", districtId)
                    .query(Long.class)
                    .single();
            double[] imported = ProvinceVisitImport.measure(context, inField, districtId, visits, out);
            double ratio = imported[1] / imported[0];
            table.add(row(
                    String.format("visit import .xlsx, %,d rows in one file", visits),
                    String.format("%.1f s (%,.0f rows/s)", imported[0], visits / imported[0]),
                    String.format("COPY %.2f s (%,.0f rows/s)", imported[1], visits / imported[1]),
                    String.format("%.0f%% of COPY's rate", 100 * ratio),
                    "≥ 30%: " + (ratio >= 0.3 ? "met" : "MISSED")));
            Runtime runtime = Runtime.getRuntime();
            table.add(row(
                    "application heap after the run (-Xmx" + runtime.maxMemory() / (1 << 20) + "m)",
                    (runtime.totalMemory() - runtime.freeMemory()) / (1 << 20) + " MB used",
                    "",
                    "",
                    "serves the province with -Xmx1g: met"));
        }

        // 4. export, measured before in its own 256 MB JVM
        Path export = out.resolve("export.properties");
        if (Files.exists(export)) {
            Properties p = new Properties();
            try (var in = Files.newBufferedReader(export)) {
                p.load(in);
            }
            table.add(row(
                    "findings export GET /findings/list.xlsx?round=all as the province's leader, "
                            + p.getProperty("rows") + " rows, app and client in one JVM with -Xmx"
                            + p.getProperty("xmx"),
                    p.getProperty("seconds") + " s, " + p.getProperty("mb") + " MB file",
                    "peak heap " + p.getProperty("peakHeapMb") + " MB",
                    "",
                    "completes within 256 MB: " + p.getProperty("outcome")));
        }

        StringBuilder md = new StringBuilder();
        md.append("| measure | result | baseline | ratio | target |\n|---|---|---|---|---|\n");
        for (String[] r : table) {
            md.append("| ").append(String.join(" | ", r)).append(" |\n");
        }
        Files.writeString(out.resolve("province.md"), md.toString());
        System.out.println();
        System.out.print(md);
        System.exit(0);
    }

    private static String[] row(String... cells) {
        return cells;
    }

    static double pct(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    static String password(Path dataDir) throws Exception {
        for (String line : Files.readAllLines(dataDir.resolve("demo-accounts.txt"))) {
            String[] cells = line.trim().split("\\s+");
            if (cells.length >= 2 && cells[0].equals("office")) {
                return cells[1];
            }
        }
        throw new IllegalStateException("no office password in demo-accounts.txt");
    }

    static HttpClient signIn(String base, String username, String password) throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(Executors.newFixedThreadPool(4))
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        String page = http.send(
                        HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher token = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(page);
        if (!token.find()) {
            throw new IllegalStateException("no CSRF token on the sign-in page");
        }
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + token.group(1);
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException(
                    "sign-in as " + username + " failed: " + response.statusCode() + " " + location);
        }
        return http;
    }

    /** {@code clients} threads (a fixed pool) requesting the page in a loop: {req/s, p99 ms, errors}. */
    private static double[] load(HttpClient http, String url, int clients, int seconds) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).build();
        HttpResponse<byte[]> check = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (check.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + check.statusCode());
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicLong errors = new AtomicLong();
        try {
            run(pool, http, request, clients, Math.max(2, seconds / 5), errors); // warm-up
            errors.set(0);
            long start = System.nanoTime();
            List<long[]> latencies = run(pool, http, request, clients, seconds, errors);
            double elapsed = (System.nanoTime() - start) / 1e9;
            int n = latencies.stream().mapToInt(a -> a.length).sum();
            double[] all = new double[n];
            int i = 0;
            for (long[] a : latencies) {
                for (long v : a) {
                    all[i++] = v / 1e6;
                }
            }
            return new double[] {n / elapsed, pct(all, 99), errors.get()};
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<long[]> run(
            ExecutorService pool, HttpClient http, HttpRequest request, int clients, int seconds, AtomicLong errors)
            throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Future<long[]>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                long[] times = new long[1 << 16];
                int n = 0;
                while (System.nanoTime() < end && n < times.length) {
                    long start = System.nanoTime();
                    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    times[n++] = System.nanoTime() - start;
                    if (response.statusCode() != 200) {
                        errors.incrementAndGet();
                    }
                }
                return Arrays.copyOf(times, n);
            }));
        }
        List<long[]> result = new ArrayList<>();
        for (Future<long[]> f : futures) {
            result.add(f.get());
        }
        return result;
    }
}
