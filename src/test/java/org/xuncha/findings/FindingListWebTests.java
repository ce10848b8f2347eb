package org.xuncha.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.xuncha.DemoLogins;
import org.xuncha.inspectors.InspectorPool;
import org.xuncha.planning.RoundId;

/**
 * The findings list paged and filtered on the server, and its .xlsx export: pages hold the rest, each filter
 * narrows the total as SQL counts it, a 村居 or round outside the caller's scope answers 404, a group member sees
 * only their group's 村居 (also across all rounds), township liaisons see no finding, and the export holds the same
 * rows as the list's total with no confidential column, itself audited.
 */
@SpringBootTest
@AutoConfigureMockMvc
class FindingListWebTests {

    private static final Pattern ID = Pattern.compile("href=\"/findings/(\\d+)\"");
    private static final Pattern POSITION = Pattern.compile("data-testid=\"page-position\">([^<]*)<");

    @Autowired
    MockMvc mvc;

    @Autowired
    Environment environment;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    InspectorPool pool;

    RoundId pilot;
    List<Long> ownLocalities;
    long otherLocality;

    @BeforeEach
    void demoIsLoaded() {
        pilot = FindingsTestSupport.awaitDemo(jdbc);
        long member = pool.inspectorOf("groupmember").orElseThrow().value();
        ownLocalities = FindingsTestSupport.localitiesOf(jdbc, member, pilot);
        otherLocality = FindingsTestSupport.anotherLocality(jdbc, pilot, ownLocalities);
    }

    @Test
    void pagesHoldTheRestAndTheTotalIsTheRoundsCount() throws Exception {
        Cookie office = signIn("office");
        long total = count("round_id = " + pilot.value());
        assertThat(total).isGreaterThan(10);
        Set<Long> seen = new LinkedHashSet<>();
        int pages = (int) ((total + 9) / 10);
        for (int page = 0; page < pages; page++) {
            String html = page(get("/findings")
                    .param("round", String.valueOf(pilot.value()))
                    .param("size", "10")
                    .param("page", String.valueOf(page))
                    .cookie(office));
            List<Long> ids = ids(html);
            assertThat(ids).hasSize(page < pages - 1 ? 10 : (int) (total - 10L * (pages - 1)));
            assertThat(seen).doesNotContainAnyElementsOf(ids);
            seen.addAll(ids);
            assertThat(position(html)).isEqualTo("第 " + (page + 1) + " / " + pages + " 页，共 " + total + " 条");
            if (page == 1) {
                assertThat(html)
                        .contains("data-testid=\"page-first\"", "data-testid=\"page-previous\"")
                        .contains("page=0&amp;size=10");
            }
        }
        assertThat(seen)
                .containsExactlyInAnyOrderElementsOf(jdbc.sql("select id from findings.finding where round_id = :r")
                        .param("r", pilot.value())
                        .query(Long.class)
                        .list());
        // a page past the end shows the last one; a size out of bounds is brought within 10..200
        assertThat(position(page(get("/findings")
                        .param("round", String.valueOf(pilot.value()))
                        .param("size", "10")
                        .param("page", "9999")
                        .cookie(office))))
                .startsWith("第 " + pages + " / " + pages + " 页");
        assertThat(ids(page(get("/findings")
                        .param("round", String.valueOf(pilot.value()))
                        .param("size", "1")
                        .cookie(office))))
                .hasSize((int) Math.min(10, total));
        // the default page size is 50; pager and counts speak the user's language
        assertThat(ids(page(get("/findings")
                        .param("round", String.valueOf(pilot.value()))
                        .cookie(office))))
                .hasSize((int) Math.min(50, total));
        assertThat(position(page(get("/findings")
                        .param("round", String.valueOf(pilot.value()))
                        .param("size", "10")
                        .cookie(office, new Cookie("XUNCHA_LANG", "en")))))
                .isEqualTo("Page 1 of " + pages + ", " + total + " findings");
        assertThat(position(page(get("/findings")
                        .param("round", String.valueOf(pilot.value()))
                        .param("size", "10")
                        .cookie(office, new Cookie("XUNCHA_LANG", "zh-TW")))))
                .isEqualTo("第 1 / " + pages + " 頁，共 " + total + " 條");
    }

    @Test
    void eachFilterNarrowsTheTotalAsTheDatabaseCountsIt() throws Exception {
        Cookie office = signIn("office");
        String round = String.valueOf(pilot.value());
        String where = "round_id = " + pilot.value();
        long category = jdbc.sql("select category_id from findings.finding where " + where
                        + " group by category_id order by count(*) desc limit 1")
                .query(Long.class)
                .single();
        long locality = jdbc.sql("select locality_id from findings.finding where " + where
                        + " group by locality_id order by count(*) desc limit 1")
                .query(Long.class)
                .single();
        assertTotal(office, count(where + " and state = 'APPROVED'"), "round", round, "state", "APPROVED");
        assertTotal(office, count(where + " and category_id = " + category), "round", round, "category", "" + category);
        assertTotal(office, count(where + " and fixed_on_the_spot"), "round", round, "fixed", "true");
        assertTotal(office, count(where + " and not fixed_on_the_spot"), "round", round, "fixed", "false");
        assertTotal(office, count(where + " and locality_id = " + locality), "round", round, "locality", "" + locality);
        assertTotal(
                office,
                count(where + " and state = 'APPROVED' and locality_id = " + locality + " and category_id = "
                        + category),
                "round",
                round,
                "state",
                "APPROVED",
                "locality",
                "" + locality,
                "category",
                "" + category);
        // the figures come from the same filtered list: with state APPROVED, found = approved
        String html = page(get("/findings")
                .param("round", round)
                .param("state", "APPROVED")
                .cookie(office));
        long approved = count(where + " and state = 'APPROVED'");
        long fixedApproved = count(where + " and state = 'APPROVED' and fixed_on_the_spot");
        assertThat(html).contains("发现问题 " + approved + " 个，已审定 " + approved + " 个，立行立改 " + fixedApproved + " 个");
        // the filters stay in the pager's and the export's links
        assertThat(html).contains("/findings/list.xlsx?round=" + round + "&amp;state=APPROVED\"");
        // all rounds of the office's district
        assertTotal(office, count("state = 'APPROVED'"), "round", "all", "state", "APPROVED");
    }

    @Test
    void aRoundOrLocalityOutsideTheScopeIsNotFoundAndAMemberSeesOnlyTheGroups() throws Exception {
        Cookie member = signIn("groupmember");
        String round = String.valueOf(pilot.value());
        mvc.perform(get("/findings")
                        .param("round", round)
                        .param("locality", String.valueOf(otherLocality))
                        .cookie(member))
                .andExpect(status().isNotFound());
        mvc.perform(get("/findings/list.xlsx")
                        .param("round", round)
                        .param("locality", String.valueOf(otherLocality))
                        .cookie(member))
                .andExpect(status().isNotFound());
        mvc.perform(get("/findings").param("round", "987654321").cookie(member)).andExpect(status().isNotFound());
        mvc.perform(get("/findings").param("round", "x").cookie(member)).andExpect(status().isNotFound());
        String own = ownLocalities.stream()
                .map(String::valueOf)
                .reduce((a, b) -> a + "," + b)
                .orElseThrow();
        assertTotal(member, count("round_id = " + round + " and locality_id in (" + own + ")"), "round", round);
        String html = page(get("/findings").param("round", round).cookie(member));
        String localityChoice = html.substring(
                html.indexOf("data-testid=\"locality-select\""),
                html.indexOf("</select>", html.indexOf("locality-select")));
        assertThat(localityChoice).doesNotContain("value=\"" + otherLocality + "\"");
        // across all rounds: only the (round, 村居) pairs of the groups the member serves in
        long member1 = pool.inspectorOf("groupmember").orElseThrow().value();
        long pairs = jdbc.sql("""
                select count(*) from findings.finding f where exists (select 1 from planning.group_locality gl
                  join planning.group_member gm on gm.group_id = gl.group_id
                  where gm.inspector_id = :member and gl.round_id = f.round_id and gl.locality_id = f.locality_id)
                """).param("member", member1).query(Long.class).single();
        assertTotal(member, pairs, "round", "all");
        assertThat(exportRows(member, "round", "all")).isEqualTo(pairs);
        // township liaisons and lead receivers see no finding, neither listed nor exported
        for (String user : List.of("liaison", "receiver")) {
            mvc.perform(get("/findings").cookie(signIn(user))).andExpect(status().isForbidden());
            mvc.perform(get("/findings/list.xlsx").param("round", "all").cookie(signIn(user)))
                    .andExpect(status().isForbidden());
        }
    }

    @Test
    void theExportHoldsTheListsRowsWithoutConfidentialColumnsAndIsAudited() throws Exception {
        Cookie office = signIn("office");
        String round = String.valueOf(pilot.value());
        long before = exports();
        byte[] xlsx = mvc.perform(get("/findings/list.xlsx")
                        .param("round", round)
                        .param("state", "APPROVED")
                        .cookie(office))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        long approved = count("round_id = " + round + " and state = 'APPROVED'");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo((int) approved);
            List<String> headers = new ArrayList<>();
            sheet.getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
            assertThat(headers)
                    .containsExactly("编号", "轮次", "乡镇（街道）", "村居", "问题类别", "性质", "状态", "立行立改", "来源", "记录日期", "问题描述")
                    .doesNotContain("涉及人员", "来源说明", "事实情况");
            Row first = sheet.getRow(1);
            assertThat(first.getCell(6).getStringCellValue()).isEqualTo("已审定");
            for (Row row : sheet) {
                assertThat(row.getLastCellNum()).isEqualTo((short) headers.size());
            }
        }
        assertThat(exports()).isEqualTo(before + 1);
        // the whole district over every round, as the list counts it
        assertThat(exportRows(office, "round", "all")).isEqualTo(count("true"));
    }

    private void assertTotal(Cookie who, long expected, String... params) throws Exception {
        MockHttpServletRequestBuilder request = get("/findings").cookie(who);
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        String html = page(request);
        assertThat(position(html)).as(String.join("&", params)).endsWith("共 " + expected + " 条");
        assertThat(ids(html)).hasSize((int) Math.min(50, expected));
    }

    private long exportRows(Cookie who, String... params) throws Exception {
        MockHttpServletRequestBuilder request = get("/findings/list.xlsx").cookie(who);
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        byte[] xlsx = mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            return workbook.getSheetAt(0).getLastRowNum();
        }
    }

    private long count(String where) {
        return jdbc.sql("select count(*) from findings.finding where " + where)
                .query(Long.class)
                .single();
    }

    private long exports() {
        return jdbc.sql(
                        "select count(*) from audit.audit_event where object_type = 'FindingList' and action = 'EXPORT'")
                .query(Long.class)
                .single();
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static List<Long> ids(String html) {
        Set<Long> ids = new LinkedHashSet<>();
        Matcher m = ID.matcher(html);
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return new ArrayList<>(ids);
    }

    private static String position(String html) {
        Matcher m = POSITION.matcher(html);
        assertThat(m.find()).as("pager position").isTrue();
        return m.group(1);
    }

    private Cookie signIn(String user) throws Exception {
        return DemoLogins.of(environment).signIn(mvc, user);
    }
}
