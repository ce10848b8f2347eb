package org.xuncha.province;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.xuncha.XunchaApplication;

/**
 * 省级基准数据 (province-scale benchmark data): fills the modules' real tables with a province of 157 districts,
 * 2,586 township units, 52,378 村居, 5 million households, 10 million household visits, 500,000 talks, 300,000
 * petitions, 1 million findings, 100,000 leads and 1 million rectification tasks over a five-year term (2022–2026),
 * all counts multiplied by {@code --scale}. Townships get a log-normal "trouble" weight, so some are far worse than
 * others: petitions, findings, leads and dissatisfied visits follow it.
 *
 * <p>Rows are written through PostgreSQL COPY (text format) with explicit ids taken above the current maximum of
 * each table, the identity sequences moved past them afterwards, then ANALYZE. Region paths, round–村居 and
 * group–村居 rows, plan–task and finding–lead links are consistent. Not a test: run by {@code
 * benchmark/province.sh generate}, or {@link #generate} from a test at a tiny scale.
 */
public final class ProvinceGenerator {

    static final int DISTRICTS = 157;
    static final int TOWNSHIPS = 2_586;
    static final int LOCALITIES = 52_378;
    static final long HOUSEHOLDS = 5_000_000;
    static final long VISITS = 10_000_000;
    static final long TALKS = 500_000;
    static final long PETITIONS = 300_000;
    static final long FINDINGS = 1_000_000;
    static final long LEADS = 100_000;
    static final long TASKS = 1_000_000;
    static final int ROUNDS_PER_TERM = 10;
    static final LocalDate TERM_START = LocalDate.of(2022, 1, 1);
    static final String PROVINCE_CODE = "BENCH-PROVINCE";

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱"};
    private static final String[] GIVEN = {"建国", "秀英", "国强", "桂兰", "志明", "玉梅", "海军", "春生", "红霞", "德才"};
    private static final String[] CHANNELS = {"QR_CODE", "PHONE", "LETTER", "MAILBOX", "VISIT"};
    private static final String[] PETITION_CATEGORIES = {
        "PARTY_ORGANIZATION",
        "CADRE_CONDUCT",
        "PETTY_CORRUPTION",
        "COLLECTIVE_ASSETS",
        "BENEFIT_POLICIES",
        "ORGANIZED_CRIME",
        "RURAL_LAND",
        "OTHER"
    };
    private static final String[] SOURCES = {"TALK", "VISIT", "PETITION", "DOCUMENT_REVIEW", "SITE_CHECK", "OTHER"};

    /** What was written, per table. */
    public record Counts(Map<String, Long> rows, long provinceId, long firstDistrictId) {}

    private ProvinceGenerator() {}

    public static void main(String[] args) throws Exception {
        double scale = 1.0;
        for (String arg : args) {
            if (arg.startsWith("--scale=")) {
                scale = Double.parseDouble(arg.substring("--scale=".length()));
            }
        }
        long started = System.nanoTime();
        // the data dir of XUNCHA_DATA_DIR, not a fresh test one
        System.setProperty("xuncha.test.keep-data-dir", "true");
        // a free port: application.yml names one, and a default property would not override it
        System.setProperty("server.port", "0");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(XunchaApplication.class)
                .properties("logging.level.root=warn")
                .run()) {
            DataSource superuser = context.getBean("flywayDataSource", DataSource.class);
            Counts counts = generate(superuser, scale, 20261128L);
            counts.rows().forEach((table, n) -> System.out.printf("%-32s %,12d%n", table, n));
            System.out.printf(
                    "province region id %d, first district %d, %.1f s%n",
                    counts.provinceId(), counts.firstDistrictId(), (System.nanoTime() - started) / 1e9);
        }
    }

    /** Writes the province at the given scale (1.0 = full); fails if one was written before. */
    public static Counts generate(DataSource dataSource, double scale, long seed) throws SQLException, IOException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            return new Writer(connection, scale, seed).write();
        }
    }

    static long scaled(long full, double scale, long minimum) {
        return Math.max(minimum, Math.round(full * scale));
    }

    private static final class Writer {
        private final Connection connection;
        private final CopyManager copy;
        private final double scale;
        private final SplittableRandom random;
        private final Map<String, Long> rows = new java.util.LinkedHashMap<>();
        private final LocalDate today = LocalDate.of(2026, 11, 28);

        // the region tree
        private int districtCount;
        private long[] districtIds;
        private String[] districtPaths;
        private long[] townshipIds;
        private int[] townshipDistrict;
        private String[] townshipPaths;
        private String[] townshipNames;
        private double[] trouble;
        private long[] localityIds;
        private int[] localityTownship;
        private String[] localityNames;
        private String[] localityPaths;
        private boolean[] community;
        private double[] localityWeight;
        private long provinceId;
        // planning: per 村居 its round (index into roundIds) and group number
        private long[] roundIds;
        private int[] localityRound;
        private int[] localityGroup;
        private LocalDate[] roundEntry;

        Writer(Connection connection, double scale, long seed) throws SQLException {
            this.connection = connection;
            this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
            this.scale = scale;
            this.random = new SplittableRandom(seed);
        }

        Counts write() throws SQLException, IOException {
            Long existing = single("select count(*) from organization.region where code = '" + PROVINCE_CODE + "'");
            if (existing != null && existing > 0) {
                throw new IllegalStateException("a benchmark province is already in this database");
            }
            // the statistics tallies' triggers stay quiet during COPY; the tallies are rebuilt once at the end
            execute("set session_replication_role = replica");
            regions();
            planning();
            households();
            fieldwork();
            petitions();
            long[] findingIds = findings();
            rectification(findingIds);
            for (String table : rows.keySet()) {
                execute("select setval(pg_get_serial_sequence('" + table + "', 'id'), (select max(id) from " + table
                        + "))");
            }
            benchmarkAccounts();
            execute("set session_replication_role = origin");
            execute("select statistics.retally(kind, null, null) from statistics.tally_kind");
            for (String table : rows.keySet()) {
                execute("analyze " + table);
            }
            for (String table : List.of(
                    "organization.locality",
                    "planning.round_township",
                    "planning.round_locality",
                    "planning.group_locality",
                    "statistics.finding_tally",
                    "statistics.lead_tally",
                    "statistics.talk_tally",
                    "statistics.visit_tally",
                    "statistics.notice_tally",
                    "statistics.petition_tally",
                    "statistics.task_tally")) {
                execute("analyze " + table);
            }
            return new Counts(rows, provinceId, districtIds[0]);
        }

        /**
         * Two sign-ins for the benchmark with the demo office account's password: {@code bench-province} (LEADER,
         * the whole province) and {@code bench-district} (OFFICE_STAFF of the first district).
         */
        private void benchmarkAccounts() throws SQLException {
            execute("insert into identity.user_account (username, display_name, password_hash, role)"
                    + " select 'bench-province', '基准省领导', password_hash, 'LEADER' from identity.user_account"
                    + " where username = 'office' on conflict (username) do nothing");
            execute("insert into identity.user_account (username, display_name, password_hash, role)"
                    + " select 'bench-district', '基准区巡察办', password_hash, 'OFFICE_STAFF' from identity.user_account"
                    + " where username = 'office' on conflict (username) do nothing");
            execute("delete from identity.user_scope_region where user_id in (select id from identity.user_account"
                    + " where username in ('bench-province', 'bench-district'))");
            execute("insert into identity.user_scope_region (user_id, region_id) select id, " + provinceId
                    + " from identity.user_account where username = 'bench-province'");
            execute("insert into identity.user_scope_region (user_id, region_id) select id, " + districtIds[0]
                    + " from identity.user_account where username = 'bench-district'");
        }

        // ---------------------------------------------------------------------------------------------------- regions

        private void regions() throws SQLException, IOException {
            districtCount = (int) scaled(DISTRICTS, scale, 2);
            int townshipCount = (int) Math.max(districtCount * 2L, scaled(TOWNSHIPS, scale, 4));
            int localityCount = (int) Math.max(townshipCount * 2L, scaled(LOCALITIES, scale, 8));
            long next = nextId("organization.region");
            int cityCount = Math.max(1, Math.min(17, districtCount / 2));
            provinceId = next++;
            Rows region = new Rows();
            region.row(provinceId, null, "PROVINCE", null, PROVINCE_CODE, "基准省", "/" + provinceId + "/");
            long[] cityIds = new long[cityCount];
            String[] cityPaths = new String[cityCount];
            for (int c = 0; c < cityCount; c++) {
                cityIds[c] = next++;
                cityPaths[c] = "/" + provinceId + "/" + cityIds[c] + "/";
                region.row(cityIds[c], provinceId, "CITY", null, "BENCH-C" + c, "基准" + (c + 1) + "市", cityPaths[c]);
            }
            districtIds = new long[districtCount];
            districtPaths = new String[districtCount];
            for (int d = 0; d < districtCount; d++) {
                int c = d % cityCount;
                districtIds[d] = next++;
                districtPaths[d] = cityPaths[c] + districtIds[d] + "/";
                region.row(
                        districtIds[d],
                        cityIds[c],
                        "DISTRICT",
                        null,
                        "BENCH-D" + d,
                        "基准" + (d + 1) + "区",
                        districtPaths[d]);
            }
            townshipIds = new long[townshipCount];
            townshipDistrict = new int[townshipCount];
            townshipPaths = new String[townshipCount];
            townshipNames = new String[townshipCount];
            trouble = new double[townshipCount];
            String[] townshipKinds = {"TOWN", "XIANG", "SUBDISTRICT"};
            for (int t = 0; t < townshipCount; t++) {
                int d = t < districtCount ? t : random.nextInt(districtCount);
                townshipDistrict[t] = d;
                townshipIds[t] = next++;
                townshipPaths[t] = districtPaths[d] + townshipIds[t] + "/";
                String kind = townshipKinds[t % 3];
                townshipNames[t] = "基准" + (t + 1) + (kind.equals("TOWN") ? "镇" : kind.equals("XIANG") ? "乡" : "街道");
                // log-normal trouble: the median township 1, one in twenty above 5
                trouble[t] = Math.exp(random.nextGaussian() * 1.0);
                region.row(
                        townshipIds[t],
                        districtIds[d],
                        "TOWNSHIP",
                        kind,
                        "BENCH-T" + t,
                        townshipNames[t],
                        townshipPaths[t]);
            }
            localityIds = new long[localityCount];
            localityTownship = new int[localityCount];
            localityNames = new String[localityCount];
            localityPaths = new String[localityCount];
            community = new boolean[localityCount];
            localityWeight = new double[localityCount];
            for (int l = 0; l < localityCount; l++) {
                int t = l < townshipCount ? l : random.nextInt(townshipCount);
                localityTownship[l] = t;
                localityIds[l] = next++;
                localityPaths[l] = townshipPaths[t] + localityIds[l] + "/";
                community[l] = random.nextInt(6) == 0;
                localityNames[l] = "基准" + (l + 1) + (community[l] ? "社区" : "村");
                localityWeight[l] = Math.exp(random.nextGaussian() * 0.5);
            }
            // 村居 sorted by township so that per-township loops below stay simple
            Integer[] order = new Integer[localityCount];
            for (int i = 0; i < localityCount; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Integer.compare(localityTownship[a], localityTownship[b]));
            int[] township = new int[localityCount];
            boolean[] comm = new boolean[localityCount];
            double[] weight = new double[localityCount];
            for (int i = 0; i < localityCount; i++) {
                township[i] = localityTownship[order[i]];
                comm[i] = community[order[i]];
                weight[i] = localityWeight[order[i]];
            }
            localityTownship = township;
            community = comm;
            localityWeight = weight;
            for (int l = 0; l < localityCount; l++) {
                localityPaths[l] = townshipPaths[localityTownship[l]] + localityIds[l] + "/";
                region.row(
                        localityIds[l],
                        townshipIds[localityTownship[l]],
                        "LOCALITY",
                        community[l] ? "COMMUNITY" : "VILLAGE",
                        "BENCH-L" + l,
                        localityNames[l],
                        localityPaths[l]);
            }
            copyIn("organization.region (id, parent_id, level, kind, code, name, path)", region);

            Rows locality = new Rows();
            for (int l = 0; l < localityCount; l++) {
                boolean weak = trouble[localityTownship[l]] > 3 && random.nextInt(3) == 0;
                locality.row(
                        localityIds[l],
                        random.nextInt(5) == 0 ? "GENERAL_BRANCH" : "BRANCH",
                        SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)],
                        20 + random.nextInt(80),
                        0,
                        0,
                        weak,
                        weak ? "FOCUSED" : "EXPEDITED");
            }
            copyIn(
                    "organization.locality (region_id, party_org_type, party_secretary, party_member_count, population,"
                            + " household_count, weak_party_building, suggested_intensity)",
                    locality);
            rows.put("organization.region", (long) (1 + cityCount + districtCount + townshipCount + localityCount));
        }

        // --------------------------------------------------------------------------------------------------- planning

        private void planning() throws SQLException, IOException {
            long termId = nextId("planning.term");
            long roundId = nextId("planning.round");
            long groupId = nextId("planning.inspection_group");
            Rows terms = new Rows();
            Rows rounds = new Rows();
            Rows roundTownships = new Rows();
            Rows roundLocalities = new Rows();
            Rows groups = new Rows();
            Rows groupLocalities = new Rows();
            roundIds = new long[districtCount * ROUNDS_PER_TERM];
            roundEntry = new LocalDate[roundIds.length];
            localityRound = new int[localityIds.length];
            localityGroup = new int[localityIds.length];
            for (int d = 0; d < districtCount; d++) {
                long term = termId + d;
                terms.row(
                        term,
                        districtIds[d],
                        "基准" + (d + 1) + "区",
                        districtPaths[d],
                        "2022—2026年巡察规划",
                        TERM_START,
                        TERM_START.plusYears(5).minusDays(1),
                        "五年内对村居巡察全覆盖");
                for (int r = 0; r < ROUNDS_PER_TERM; r++) {
                    int index = d * ROUNDS_PER_TERM + r;
                    roundIds[index] = roundId + index;
                    // two rounds a year, entering in March and September
                    LocalDate entry = TERM_START.plusMonths(2 + 6L * r);
                    roundEntry[index] = entry;
                    String state = r == ROUNDS_PER_TERM - 1 ? "IN_FIELD" : "CLOSED";
                    rounds.row(roundIds[index], term, "REGULAR", r + 1, state, entry, entry.plusDays(40));
                }
            }
            // each 村居 in one round of its district's term; a round's 村居 of one township go to one group
            int[] nextPosition = new int[roundIds.length];
            java.util.Set<Long> townshipInRound = new java.util.HashSet<>();
            Map<Long, Integer> groupOfRoundTownship = new java.util.HashMap<>();
            int[] groupsInRound = new int[roundIds.length];
            for (int l = 0; l < localityIds.length; l++) {
                int t = localityTownship[l];
                int d = townshipDistrict[t];
                int index = d * ROUNDS_PER_TERM + random.nextInt(ROUNDS_PER_TERM);
                localityRound[l] = index;
                long key = (long) index * 10_000_000L + t;
                if (townshipInRound.add(key)) {
                    roundTownships.row(
                            roundIds[index],
                            townshipIds[t],
                            townshipInRound.size(),
                            townshipNames[t],
                            townshipPaths[t]);
                    int number = Math.min(99, groupsInRound[index] / 3 + 1);
                    if (groupsInRound[index] % 3 == 0 && number <= 99 && groupsInRound[index] / 3 < 99) {
                        groups.row(
                                groupId + (long) index * 99 + number - 1,
                                roundIds[index],
                                number,
                                "第" + number + "巡察组");
                    }
                    groupsInRound[index]++;
                    groupOfRoundTownship.put(key, number);
                }
                localityGroup[l] = groupOfRoundTownship.get(key);
                boolean focused = trouble[t] > 3;
                roundLocalities.row(
                        roundIds[index],
                        localityIds[l],
                        ++nextPosition[index],
                        "BENCH-L" + l,
                        localityNames[l],
                        community[l] ? "COMMUNITY" : "VILLAGE",
                        townshipIds[t],
                        townshipNames[t],
                        localityPaths[l],
                        focused ? "FOCUSED" : "EXPEDITED",
                        focused ? 15 : 5);
                groupLocalities.row(
                        groupId + (long) index * 99 + localityGroup[l] - 1, roundIds[index], localityIds[l]);
            }
            copyIn(
                    "planning.term (id, district_id, district_name, district_path, name, starts_on, ends_on, goal)",
                    terms);
            copyIn("planning.round (id, term_id, kind, number, state, entry_date, exit_date)", rounds);
            copyIn("planning.round_township (round_id, township_id, position, name, path)", roundTownships);
            copyIn(
                    "planning.round_locality (round_id, locality_id, position, code, name, kind, township_id,"
                            + " township_name, path, intensity, planned_days)",
                    roundLocalities);
            copyIn("planning.inspection_group (id, round_id, number, name)", groups);
            copyIn("planning.group_locality (group_id, round_id, locality_id)", groupLocalities);
            rows.put("planning.term", (long) districtCount);
            rows.put("planning.round", (long) roundIds.length);
            rows.put("planning.inspection_group", (long) groups.count);
        }

        // -------------------------------------------------------------------------------------------------- households

        private long[] householdFirst; // per 村居: first household id
        private int[] householdCount;

        private void households() throws SQLException, IOException {
            long total = scaled(HOUSEHOLDS, scale, localityIds.length);
            double sum = Arrays.stream(localityWeight).sum();
            long id = nextId("organization.household");
            householdFirst = new long[localityIds.length];
            householdCount = new int[localityIds.length];
            Rows households = new Rows();
            StringBuilder name = new StringBuilder();
            for (int l = 0; l < localityIds.length; l++) {
                int n = (int) Math.max(1, Math.round(total * localityWeight[l] / sum));
                householdFirst[l] = id;
                householdCount[l] = n;
                for (int i = 0; i < n; i++, id++) {
                    name.setLength(0);
                    name.append(SURNAMES[random.nextInt(SURNAMES.length)]).append(GIVEN[random.nextInt(GIVEN.length)]);
                    int r = random.nextInt(100);
                    households.row(
                            id, localityIds[l], "BH" + id, name, (i % 12 + 1) + "组", r < 2, r >= 2 && r < 5, r == 5);
                    if (households.size() > (1 << 22)) {
                        households = flush(
                                "organization.household (id, locality_id, code, head_name, villager_group,"
                                        + " five_guarantees, minimum_living, dilapidated_housing)",
                                households);
                    }
                }
            }
            flush(
                    "organization.household (id, locality_id, code, head_name, villager_group, five_guarantees,"
                            + " minimum_living, dilapidated_housing)",
                    households);
            rows.put("organization.household", id - householdFirst[0]);
            execute("update organization.locality l set household_count = c.n, population = c.n * 3 from (select"
                    + " locality_id, count(*) n from organization.household where locality_id >= " + localityIds[0]
                    + " group by locality_id) c where c.locality_id = l.region_id");
        }

        // --------------------------------------------------------------------------------------------------- fieldwork

        private void fieldwork() throws SQLException, IOException {
            long totalHouseholds = rows.get("organization.household");
            double visitsPerHousehold = (double) scaled(VISITS, scale, 1) / totalHouseholds;
            long id = nextId("fieldwork.household_visit");
            long first = id;
            String sql = "fieldwork.household_visit (id, round_id, locality_id, path, household_id, household_code,"
                    + " visited_on, inspectors, satisfaction, recorded_by, recorded_at)";
            Rows visits = new Rows();
            for (int l = 0; l < localityIds.length; l++) {
                int index = localityRound[l];
                double bad = Math.min(0.6, 0.03 * trouble[localityTownship[l]]);
                LocalDate entry = roundEntry[index];
                for (int h = 0; h < householdCount[l]; h++) {
                    long household = householdFirst[l] + h;
                    double expected = visitsPerHousehold;
                    int k = (int) expected + (random.nextDouble() < expected - (int) expected ? 1 : 0);
                    for (int v = 0; v < k; v++, id++) {
                        LocalDate on = entry.plusDays(random.nextInt(30));
                        double r = random.nextDouble();
                        String satisfaction =
                                r < bad ? "DISSATISFIED" : r < bad + 0.2 ? "BASICALLY_SATISFIED" : "SATISFIED";
                        visits.row(
                                id,
                                roundIds[index],
                                localityIds[l],
                                localityPaths[l],
                                household,
                                "BH" + household,
                                on,
                                "巡察组",
                                satisfaction,
                                "bench",
                                on + " 10:00:00+08");
                        if (visits.size() > (1 << 22)) {
                            visits = flush(sql, visits);
                        }
                    }
                }
            }
            flush(sql, visits);
            rows.put("fieldwork.household_visit", id - first);

            long talks = scaled(TALKS, scale, 1);
            long talkId = nextId("fieldwork.talk");
            Rows talk = new Rows();
            int[] picks = weightedLocalities(talks, false);
            for (int i = 0; i < picks.length; i++) {
                int l = picks[i];
                int index = localityRound[l];
                boolean forum = random.nextInt(10) == 0;
                LocalDate on = roundEntry[index].plusDays(random.nextInt(30));
                talk.row(
                        talkId + i,
                        roundIds[index],
                        localityIds[l],
                        localityPaths[l],
                        forum ? "FORUM" : "INDIVIDUAL",
                        on,
                        "村委会",
                        "巡察组",
                        2,
                        forum ? "村民代表" : "村干部",
                        forum ? 8 + random.nextInt(20) : 1,
                        "了解村情",
                        "bench",
                        on + " 15:00:00+08");
            }
            copyIn(
                    "fieldwork.talk (id, round_id, locality_id, path, kind, held_on, place, inspectors,"
                            + " inspector_count, participants, person_times, topic, recorded_by, recorded_at)",
                    talk);
            rows.put("fieldwork.talk", (long) picks.length);
        }

        // ---------------------------------------------------------------------------------------------------- intake

        private void petitions() throws SQLException, IOException {
            long total = scaled(PETITIONS, scale, 1);
            long id = nextId("intake.petition");
            int[] picks = weightedLocalities(total, true);
            Rows petitions = new Rows();
            for (int i = 0; i < picks.length; i++) {
                int l = picks[i];
                int index = localityRound[l];
                boolean closed = index % ROUNDS_PER_TERM != ROUNDS_PER_TERM - 1;
                LocalDate on = roundEntry[index].plusDays(random.nextInt(40));
                long pid = id + i;
                petitions.row(
                        pid,
                        roundIds[index],
                        localityIds[l],
                        localityNames[l],
                        townshipNames[localityTownship[l]],
                        localityPaths[l],
                        CHANNELS[random.nextInt(CHANNELS.length)],
                        PETITION_CATEGORIES[random.nextInt(PETITION_CATEGORIES.length)],
                        "反映村务不公开等问题",
                        on,
                        "bench-" + pid,
                        "\\\\x00",
                        closed ? "CONCLUDED" : "RECEIVED",
                        closed ? "RECORD_AS_FINDING" : null,
                        closed ? "bench" : null,
                        closed ? on.plusDays(3) + " 09:00:00+08" : null);
            }
            copyIn(
                    "intake.petition (id, round_id, locality_id, locality_name, township_name, path, channel, category,"
                            + " content, received_on, receipt_digest, receipt_sealed, status, triage, triaged_by, triaged_at)",
                    petitions);
            rows.put("intake.petition", (long) picks.length);
        }

        // -------------------------------------------------------------------------------------------------- findings

        private long[] findings() throws SQLException, IOException {
            long total = scaled(FINDINGS, scale, 1);
            List<Object[]> categories = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                    var rs = statement.executeQuery("select id, name from findings.category order by position")) {
                while (rs.next()) {
                    categories.add(new Object[] {rs.getLong(1), rs.getString(2)});
                }
            }
            long id = nextId("findings.finding");
            int[] picks = weightedLocalities(total, true);
            Arrays.sort(picks);
            long[] findingLocality = new long[picks.length];
            Rows findings = new Rows();
            String sql = "findings.finding (id, round_id, group_number, locality_id, locality_name, locality_path,"
                    + " township_id, township_name, category_id, category, description, source_kind, severity, state,"
                    + " facts, fixed_on_the_spot, recorded_by, recorded_at)";
            for (int i = 0; i < picks.length; i++) {
                int l = picks[i];
                int t = localityTownship[l];
                int index = localityRound[l];
                boolean closed = index % ROUNDS_PER_TERM != ROUNDS_PER_TERM - 1;
                Object[] category =
                        categories.get(Math.min(categories.size() - 1, (int) Math.abs(random.nextGaussian() * 3)));
                int s = random.nextInt(100);
                findingLocality[i] = l;
                findings.row(
                        id + i,
                        roundIds[index],
                        localityGroup[l],
                        localityIds[l],
                        localityNames[l],
                        localityPaths[l],
                        townshipIds[t],
                        townshipNames[t],
                        category[0],
                        category[1],
                        "村务公开不及时、不规范",
                        SOURCES[random.nextInt(SOURCES.length)],
                        s < 80 ? "GENERAL" : s < 97 ? "SERIOUS" : "GRAVE",
                        closed ? "APPROVED" : (s % 2 == 0 ? "DRAFT" : "SUBMITTED"),
                        "经查，该村存在上述问题。",
                        random.nextInt(5) == 0,
                        "bench",
                        roundEntry[index].plusDays(20) + " 11:00:00+08");
                if (findings.size() > (1 << 22)) {
                    findings = flush(sql, findings);
                }
            }
            flush(sql, findings);
            rows.put("findings.finding", (long) picks.length);

            long leads = scaled(LEADS, scale, 1);
            long leadId = nextId("findings.lead");
            Rows lead = new Rows();
            // register numbers above those already taken (the demo's); the counter is moved past them below
            Long taken = single("select coalesce(max(register_seq), 0) from findings.lead");
            int[] seqByYear = new int[10];
            Arrays.fill(seqByYear, (int) (taken == null ? 0 : taken) + 1_000);
            for (int i = 0; i < leads; i++) {
                int f = random.nextInt(picks.length);
                // leads come from the worst townships' findings more often
                for (int tries = 0; tries < 3; tries++) {
                    int g = random.nextInt(picks.length);
                    if (trouble[localityTownship[(int) findingLocality[g]]]
                            > trouble[localityTownship[(int) findingLocality[f]]]) {
                        f = g;
                    }
                }
                int l = (int) findingLocality[f];
                int index = localityRound[l];
                LocalDate raised = roundEntry[index].plusDays(30);
                int year = raised.getYear();
                int seq = ++seqByYear[year - 2020];
                String[] receivers = {"DISCIPLINE_COMMISSION", "ORGANIZATION_DEPARTMENT", "OTHER_DEPARTMENT"};
                int r = random.nextInt(10) < 8 ? 0 : 1 + random.nextInt(2);
                boolean transferred = index % ROUNDS_PER_TERM != ROUNDS_PER_TERM - 1;
                lead.row(
                        leadId + i,
                        roundIds[index],
                        localityGroup[l],
                        localityIds[l],
                        localityNames[l],
                        localityPaths[l],
                        townshipNames[localityTownship[l]],
                        id + f,
                        "\\\\x00",
                        "\\\\x00",
                        receivers[r],
                        r == 0 ? "区纪委监委" : r == 1 ? "区委组织部" : "有关部门",
                        "ORDINARY",
                        transferred ? "RECEIVED" : "RAISED",
                        "bench",
                        raised + " 10:00:00+08",
                        transferred ? year : null,
                        transferred ? seq : null,
                        transferred ? "BENCH" + year + "-" + seq + "-" + (leadId + i) : null);
            }
            copyIn(
                    "findings.lead (id, round_id, group_number, locality_id, locality_name, locality_path,"
                            + " township_name, finding_id, persons_sealed, matter_sealed, receiver, receiver_name, sensitivity,"
                            + " state, raised_by, raised_at, register_year, register_seq, register_number)",
                    lead);
            rows.put("findings.lead", leads);
            execute("insert into findings.register_counter (year, last_number) select register_year,"
                    + " max(register_seq) from findings.lead where register_year is not null group by register_year"
                    + " on conflict (year) do update set last_number = greatest(findings.register_counter.last_number,"
                    + " excluded.last_number)");
            long[] ids = new long[picks.length];
            for (int i = 0; i < picks.length; i++) {
                ids[i] = id + i;
            }
            findingPicks = picks;
            return ids;
        }

        private int[] findingPicks;

        // --------------------------------------------------------------------------------------------- rectification

        private void rectification(long[] findingIds) throws SQLException, IOException {
            long feedbackId = nextId("feedback.feedback_list");
            long planId = nextId("rectification.plan");
            long taskId = nextId("rectification.task");
            long wanted = scaled(TASKS, scale, 1);
            Map<Long, long[]> planOf = new java.util.HashMap<>(); // (round, township) → {plan id, feedback id}
            Rows lists = new Rows();
            Rows plans = new Rows();
            Rows tasks = new Rows();
            String taskSql = "rectification.task (id, plan_id, feedback_id, finding_id, round_id, township_id,"
                    + " township_name, locality_id, locality_name, locality_path, category, facts, requirement,"
                    + " fixed_on_the_spot, deadline, responsible, state, returns, submitted_on, closed_on)";
            String listSql = "feedback.feedback_list (id, round_id, township_id, township_name, township_path, state,"
                    + " report_months, requirements, issued_on, report_due, generated_by, generated_at)";
            String planSql = "rectification.plan (id, feedback_id, round_id, township_id, township_name, township_path,"
                    + " issued_on, report_due, state)";
            long written = 0;
            for (int i = 0; i < findingIds.length && written < wanted; i++) {
                int l = findingPicks[i];
                int t = localityTownship[l];
                int index = localityRound[l];
                if (index % ROUNDS_PER_TERM == ROUNDS_PER_TERM - 1) {
                    continue; // the round in the field has no feedback yet
                }
                long key = (long) index * 10_000_000L + t;
                LocalDate issued = roundEntry[index].plusDays(70);
                long[] plan = planOf.get(key);
                if (plan == null) {
                    plan = new long[] {planId + planOf.size(), feedbackId + planOf.size()};
                    planOf.put(key, plan);
                    lists.row(
                            plan[1],
                            roundIds[index],
                            townshipIds[t],
                            townshipNames[t],
                            townshipPaths[t],
                            "ISSUED",
                            2,
                            "按期整改",
                            issued,
                            issued.plusMonths(2),
                            "bench",
                            issued + " 09:00:00+08");
                    plans.row(
                            plan[0],
                            plan[1],
                            roundIds[index],
                            townshipIds[t],
                            townshipNames[t],
                            townshipPaths[t],
                            issued,
                            issued.plusMonths(2),
                            "APPROVED");
                }
                LocalDate deadline = issued.plusDays(60);
                // worse townships close later and are sent back more often
                double lateness = Math.min(0.9, 0.05 * trouble[t]);
                boolean open = deadline.isAfter(today) || random.nextDouble() < lateness * 0.3;
                boolean late = !open && random.nextDouble() < lateness;
                LocalDate closedOn = open
                        ? null
                        : late ? deadline.plusDays(1 + random.nextInt(60)) : deadline.minusDays(random.nextInt(50));
                if (closedOn != null && closedOn.isAfter(today)) {
                    closedOn = today;
                }
                tasks.row(
                        taskId + written,
                        plan[0],
                        plan[1],
                        findingIds[i],
                        roundIds[index],
                        townshipIds[t],
                        townshipNames[t],
                        localityIds[l],
                        localityNames[l],
                        localityPaths[l],
                        "村务公开",
                        "经查，该村存在上述问题。",
                        "立即整改",
                        random.nextInt(5) == 0,
                        deadline,
                        "村党支部书记",
                        open ? (random.nextBoolean() ? "OPEN" : "IN_PROGRESS") : "CLOSED_OUT",
                        late ? 1 + random.nextInt(2) : 0,
                        closedOn,
                        closedOn);
                written++;
                if (tasks.size() > (1 << 22)) {
                    // the plans and lists the tasks refer to go first
                    lists = flush(listSql, lists);
                    plans = flush(planSql, plans);
                    tasks = flush(taskSql, tasks);
                }
            }
            copyIn(listSql, lists);
            copyIn(planSql, plans);
            flush(taskSql, tasks);
            rows.put("feedback.feedback_list", (long) planOf.size());
            rows.put("rectification.plan", (long) planOf.size());
            rows.put("rectification.task", written);
        }

        // ------------------------------------------------------------------------------------------------- helpers

        /** {@code n} 村居 indexes drawn by size, and by the township's trouble when {@code troubled}. */
        private int[] weightedLocalities(long n, boolean troubled) {
            double[] cumulative = new double[localityIds.length];
            double sum = 0;
            for (int l = 0; l < localityIds.length; l++) {
                sum += localityWeight[l] * (troubled ? trouble[localityTownship[l]] : 1);
                cumulative[l] = sum;
            }
            int[] picks = new int[(int) n];
            for (int i = 0; i < n; i++) {
                int at = Arrays.binarySearch(cumulative, random.nextDouble() * sum);
                picks[i] = Math.min(localityIds.length - 1, at < 0 ? -at - 1 : at);
            }
            return picks;
        }

        /**
         * The first id of a block reserved for this table: the identity sequence is moved a billion ids ahead, so that
         * rows the application inserts meanwhile (the demo) never collide; it is set back to the maximum at the end.
         */
        private long nextId(String table) throws SQLException {
            String sequence = "pg_get_serial_sequence('" + table + "', 'id')";
            Long max = single(
                    "select greatest((select coalesce(max(id), 0) from " + table + "), nextval(" + sequence + "))");
            long first = (max == null ? 0 : max) + 1;
            execute("select setval(" + sequence + ", " + (first + 1_000_000_000L) + ")");
            return first;
        }

        private Long single(String sql) throws SQLException {
            try (Statement statement = connection.createStatement();
                    var rs = statement.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        }

        private void execute(String sql) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }

        private Rows flush(String target, Rows data) throws SQLException, IOException {
            copyIn(target, data);
            return new Rows();
        }

        private void copyIn(String target, Rows data) throws SQLException {
            if (data.count == 0) {
                return;
            }
            byte[] bytes = data.text.toString().getBytes(StandardCharsets.UTF_8);
            CopyIn in = copy.copyIn("copy " + target + " from stdin");
            try {
                in.writeToCopy(bytes, 0, bytes.length);
                in.endCopy();
            } finally {
                if (in.isActive()) {
                    in.cancelCopy();
                }
            }
        }
    }

    /** Rows in COPY text format; values are generated here and contain no tab, newline or backslash of their own. */
    private static final class Rows {
        final StringBuilder text = new StringBuilder(1 << 16);
        int count;

        void row(Object... values) {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    text.append('\t');
                }
                Object value = values[i];
                if (value == null) {
                    text.append("\\N");
                } else if (value instanceof Boolean b) {
                    text.append(b ? 't' : 'f');
                } else if (value instanceof CharSequence s) {
                    text.append(s);
                } else {
                    text.append(value);
                }
            }
            text.append('\n');
            count++;
        }

        int size() {
            return text.length();
        }
    }
}
