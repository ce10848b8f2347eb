package org.xuncha.inspectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.xuncha.DemoLogins;
import org.xuncha.organization.Intensity;
import org.xuncha.organization.RegionKind;

/**
 * The demo pool, who sees what of it, and the office's and director's changes with their audit entries, against the
 * embedded PostgreSQL with the demo district.
 */
@SpringBootTest
@AutoConfigureMockMvc
class InspectorPoolTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Environment environment;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    InspectorPool pool;

    @Test
    void theDemoPoolIsTheArticles180People() {
        assertThat(count("select count(*) from inspectors.inspector")).isEqualTo(180);
        assertThat(count("select count(*) from inspectors.inspector where tier = 'LEADER_TIER'"))
                .isEqualTo(80);
        assertThat(count("select count(*) from inspectors.inspector where tier = 'MEMBER_TIER'"))
                .isEqualTo(100);
        assertThat(jdbc.sql("select distinct unit_kind from inspectors.inspector")
                        .query(String.class)
                        .list())
                .contains("DISCIPLINE", "FINANCE", "AUDIT", "AGRICULTURE", "ORGANIZATION", "OTHER");
        long withRelatives = count("select count(distinct inspector_id) from inspectors.relative");
        assertThat(withRelatives).isBetween(18L, 36L);
        assertThat(count("select count(distinct work_township_id) from inspectors.inspector"))
                .isGreaterThanOrEqualTo(15);
        assertThat(count("select count(distinct home_township_id) from inspectors.inspector"))
                .isEqualTo(19);
        assertThat(count("select count(*) from inspectors.inspector where id_number_cipher is null"))
                .isZero();
        assertThat(jdbc.sql(
                                "select linked_username from inspectors.inspector where linked_username is not null order by 1")
                        .query(String.class)
                        .list())
                .containsExactly("groupdeputy", "groupleader", "groupmember");
        assertThat(pool.inspectorOf("groupleader")).isPresent();
    }

    @Test
    void townshipLiaisonsSupervisorsReceiversAndAdministratorsSeeNoPoolData() throws Exception {
        long anyone = firstInspector();
        for (String username : List.of(
                "liaison", "supervisor", "receiver", "sysadmin", "secadmin", "auditor", "groupdeputy", "groupmember")) {
            Cookie session = signIn(username);
            mvc.perform(get("/inspectors").cookie(session)).andExpect(status().isForbidden());
            mvc.perform(get("/inspectors/" + anyone).cookie(session)).andExpect(status().isForbidden());
            mvc.perform(get("/inspectors/export").cookie(session)).andExpect(status().isForbidden());
        }
    }

    @Test
    void theOfficeSeesPersonalFieldsAndAGroupLeaderSeesThemMasked() throws Exception {
        long id = jdbc.sql("select i.id from inspectors.inspector i where exists (select 1 from inspectors.relative r"
                        + " where r.inspector_id = i.id) order by i.id limit 1")
                .query(Long.class)
                .single();
        Map<String, Object> row = jdbc.sql(
                        "select name, phone, relation from inspectors.inspector i join inspectors.relative r"
                                + " on r.inspector_id = i.id where i.id = :id limit 1")
                .param("id", id)
                .query()
                .singleRow();
        String phone = (String) row.get("phone");
        String masked = phone.substring(0, 3) + "****" + phone.substring(7);
        mvc.perform(get("/inspectors/" + id).cookie(signIn("office")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(phone)))
                .andExpect(content().string(containsString((String) row.get("relation"))))
                .andExpect(content().string(containsString("data-testid=\"recusal-form\"")));
        mvc.perform(get("/inspectors/" + id).cookie(signIn("groupleader")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(masked)))
                .andExpect(content().string(not(containsString(phone))))
                .andExpect(content().string(not(containsString("data-testid=\"recusal-form\""))))
                .andExpect(content().string(containsString("data-testid=\"relatives-masked\"")));
        mvc.perform(get("/inspectors").param("name", (String) row.get("name")).cookie(signIn("groupleader")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(masked)))
                .andExpect(content().string(not(containsString(phone))));
        mvc.perform(get("/inspectors").cookie(signIn("leader"))).andExpect(status().isOk());
    }

    @Test
    void aGroupLeaderMayNotChangeThePool() throws Exception {
        long id = firstInspector();
        Cookie session = signIn("groupleader");
        mvc.perform(post("/inspectors/" + id + "/recusals")
                        .cookie(session)
                        .with(csrf())
                        .param("townshipId", String.valueOf(township("坞墙镇")))
                        .param("reason", "x")
                        .param("version", "0"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/inspectors/new").cookie(session)).andExpect(status().isForbidden());
    }

    @Test
    void theListFiltersByTierAndExpertise() throws Exception {
        long expected = count(
                "select count(*) from inspectors.inspector where tier = 'LEADER_TIER' and 'FINANCE' = any(expertise)");
        assertThat(expected).isPositive();
        mvc.perform(get("/inspectors")
                        .param("tier", "LEADER_TIER")
                        .param("expertise", "FINANCE")
                        .header("HX-Request", "true")
                        .cookie(signIn("office")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("共 " + expected + " 人")))
                .andExpect(content().string(not(containsString("<html"))));
    }

    @Test
    void theOfficeRecordsAManualRecusalAndOnlyTheDirectorAnExceptionBothAudited() throws Exception {
        long id = firstInspector();
        long wuqiang = township("坞墙镇");
        mvc.perform(post("/inspectors/" + id + "/recusals")
                        .cookie(signIn("office"))
                        .with(csrf())
                        .param("townshipId", String.valueOf(wuqiang))
                        .param("localityName", "")
                        .param("reason", "曾在该镇挂职两年")
                        .param("version", String.valueOf(version(id))))
                .andExpect(status().is3xxRedirection());
        assertThat(count("select count(*) from inspectors.manual_recusal where inspector_id = " + id
                        + " and region_id = " + wuqiang))
                .isEqualTo(1);
        assertThat(pool.candidate(new InspectorId(id)).orElseThrow().manualRecusals())
                .containsExactly(new Candidate.ManualRecusal(wuqiang, "曾在该镇挂职两年"));

        mvc.perform(post("/inspectors/" + id + "/exemptions")
                        .cookie(signIn("office"))
                        .with(csrf())
                        .param("townshipId", String.valueOf(wuqiang))
                        .param("rule", "MANUAL")
                        .param("reason", "经研究同意")
                        .param("version", String.valueOf(version(id))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/inspectors/" + id + "/exemptions")
                        .cookie(signIn("director"))
                        .with(csrf())
                        .param("townshipId", String.valueOf(wuqiang))
                        .param("rule", "MANUAL")
                        .param("reason", "经研究同意")
                        .param("version", String.valueOf(version(id))))
                .andExpect(status().is3xxRedirection());
        assertThat(count("select count(*) from inspectors.recusal_exemption where inspector_id = " + id))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from audit.audit_event where action = 'CREATE' and object_type = 'RecusalExemption'"
                                + " and object_id = '" + id + "' and actor = 'director'"))
                .isEqualTo(1);

        RoundLocality inWuqiang =
                new RoundLocality(1, "某村", wuqiang, "坞墙镇", RegionKind.VILLAGE, Intensity.EXPEDITED, false);
        RecusalRules rules =
                pool.rules(district(), new DateRange(LocalDate.of(2030, 1, 1), LocalDate.of(2030, 1, 20)), List.of());
        List<RecusalViolation> manual =
                rules.check(pool.candidate(new InspectorId(id)).orElseThrow(), GroupRole.MEMBER, inWuqiang).stream()
                        .filter(v -> v.rule() == RecusalRule.MANUAL)
                        .toList();
        assertThat(manual).singleElement().satisfies(v -> assertThat(v.blocks()).isFalse());
    }

    @Test
    void aStaleEditIsRefusedWithAConflict() throws Exception {
        long id = firstInspector();
        mvc.perform(post("/inspectors/" + id + "/trainings")
                        .cookie(signIn("office"))
                        .with(csrf())
                        .param("heldOn", "2026-03-01")
                        .param("course", "巡察业务培训")
                        .param("version", String.valueOf(version(id) - 1)))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("记录已被他人修改")));
    }

    @Test
    void anUnknown村居IsRefusedWithItsReason() throws Exception {
        long id = firstInspector();
        long before = count("select count(*) from inspectors.relative where inspector_id = " + id);
        mvc.perform(post("/inspectors/" + id + "/relatives")
                        .cookie(signIn("office"))
                        .with(csrf())
                        .param("townshipId", String.valueOf(township("坞墙镇")))
                        .param("localityName", "不存在村")
                        .param("relation", "舅舅")
                        .param("version", String.valueOf(version(id))))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("refused", "inspector.locality.unknown"));
        assertThat(count("select count(*) from inspectors.relative where inspector_id = " + id))
                .isEqualTo(before);
    }

    @Test
    void theOfficeCreatesAnInspectorWithAnEncryptedIdNumberAndRevealsItUnderAudit() throws Exception {
        Cookie session = signIn("office");
        mvc.perform(post("/inspectors")
                        .cookie(session)
                        .with(csrf())
                        .param("districtId", String.valueOf(district()))
                        .param("name", "测试员")
                        .param("sex", "FEMALE")
                        .param("unit", "区审计局")
                        .param("unitKind", "AUDIT")
                        .param("politicalStatus", "CPC_MEMBER")
                        .param("tier", "MEMBER_TIER")
                        .param("expertise", "AUDIT", "FINANCE")
                        .param("workTownshipId", String.valueOf(township("冯桥镇")))
                        .param("phone", "13912345678")
                        .param("idNumber", "11010519491231002X")
                        .param("version", "0"))
                .andExpect(status().is3xxRedirection());
        long id = jdbc.sql("select id from inspectors.inspector where name = '测试员'")
                .query(Long.class)
                .single();
        assertThat(jdbc.sql("select id_number_tail from inspectors.inspector where id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("002X");
        assertThat(new String(
                        jdbc.sql("select id_number_cipher from inspectors.inspector where id = :id")
                                .param("id", id)
                                .query(byte[].class)
                                .single(),
                        java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("110105");
        mvc.perform(post("/inspectors/" + id + "/id-number")
                        .cookie(session)
                        .with(csrf())
                        .header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("11010519491231002X")));
        assertThat(count("select count(*) from audit.audit_event where action = 'VIEW_CONFIDENTIAL' and object_id = '"
                        + id + "'"))
                .isEqualTo(1);
        mvc.perform(post("/inspectors")
                        .cookie(session)
                        .with(csrf())
                        .param("districtId", String.valueOf(district()))
                        .param("name", "错号")
                        .param("sex", "MALE")
                        .param("unit", "区财政局")
                        .param("unitKind", "FINANCE")
                        .param("politicalStatus", "CPC_MEMBER")
                        .param("tier", "MEMBER_TIER")
                        .param("idNumber", "110105194912310021")
                        .param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("身份证号校验位不正确")));
    }

    @Test
    void theExportHasEveryoneAndIsAudited() throws Exception {
        byte[] xlsx = mvc.perform(get("/inspectors/export").cookie(signIn("office")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getSheetAt(0).getRow(0).getCell(1).getStringCellValue())
                    .isEqualTo("姓名");
            assertThat(workbook.getSheetAt(0).getLastRowNum())
                    .isEqualTo((int) count("select count(*) from inspectors.inspector"));
        }
        assertThat(
                        count(
                                "select count(*) from audit.audit_event where action = 'EXPORT' and object_type = 'InspectorPool'"))
                .isPositive();
        mvc.perform(get("/inspectors/export").cookie(signIn("groupleader"))).andExpect(status().isForbidden());
    }

    @Test
    void onlyTheDirectorChangesADistrictsRulesAndTheChangeIsAudited() throws Exception {
        long district = district();
        mvc.perform(get("/inspectors/policy").cookie(signIn("office"))).andExpect(status().isOk());
        mvc.perform(post("/inspectors/policy/" + district)
                        .cookie(signIn("office"))
                        .with(csrf())
                        .param("enabled", "WORK_TOWNSHIP")
                        .param("version", "0"))
                .andExpect(status().isForbidden());
        assertThat(pool.policy(district)).isEqualTo(RecusalPolicy.allRules());

        Cookie director = signIn("director");
        List<String> allButWork = java.util.Arrays.stream(RecusalRule.values())
                .filter(r -> r != RecusalRule.WORK_TOWNSHIP)
                .map(Enum::name)
                .toList();
        mvc.perform(post("/inspectors/policy/" + district)
                        .cookie(director)
                        .with(csrf())
                        .param("enabled", allButWork.toArray(String[]::new))
                        .param("version", "0"))
                .andExpect(status().is3xxRedirection());
        assertThat(pool.policy(district).enforces(RecusalRule.WORK_TOWNSHIP)).isFalse();
        assertThat(pool.policy(district).enforces(RecusalRule.RELATIVE)).isTrue();
        assertThat(
                        count(
                                "select count(*) from audit.audit_event where action = 'UPDATE' and object_type = 'RecusalPolicy'"))
                .isEqualTo(1);
        mvc.perform(post("/inspectors/policy/" + district)
                        .cookie(director)
                        .with(csrf())
                        .param("enabled", "WORK_TOWNSHIP")
                        .param("version", "0"))
                .andExpect(status().isConflict());
        mvc.perform(post("/inspectors/policy/" + district)
                        .cookie(director)
                        .with(csrf())
                        .param(
                                "enabled",
                                java.util.Arrays.stream(RecusalRule.values())
                                        .map(Enum::name)
                                        .toArray(String[]::new))
                        .param("version", "1"))
                .andExpect(status().is3xxRedirection());
        assertThat(pool.policy(district)).isEqualTo(RecusalPolicy.allRules());
    }

    @Test
    void aPoolOutsideTheCallersScopeAnswersNotFound() throws Exception {
        long id = jdbc.sql("""
                insert into inspectors.inspector (district_id, district_path, name, sex, unit, unit_kind, political_status, tier)
                values (999999, '/999999/', '别区人员', 'MALE', '别区纪委', 'DISCIPLINE', 'CPC_MEMBER', 'LEADER_TIER') returning id
                """).query(Long.class).single();
        mvc.perform(get("/inspectors/" + id).cookie(signIn("office"))).andExpect(status().isNotFound());
        mvc.perform(get("/inspectors").param("name", "别区人员").cookie(signIn("office")))
                .andExpect(content().string(containsString("共 0 人")));
        jdbc.sql("delete from inspectors.inspector where id = :id")
                .param("id", id)
                .update();
    }

    @Test
    void suggestsARosterForTwoTownshipsOfTheDemoDistrictThatBreaksNoRule() {
        long district = district();
        DateRange dates = new DateRange(LocalDate.of(2030, 3, 1), LocalDate.of(2030, 3, 31));
        List<RoundLocality> localities = List.of(
                new RoundLocality(-1, "甲村", township("坞墙镇"), "坞墙镇", RegionKind.VILLAGE, Intensity.FOCUSED, true),
                new RoundLocality(-2, "乙村", township("坞墙镇"), "坞墙镇", RegionKind.VILLAGE, Intensity.EXPEDITED, false),
                new RoundLocality(-3, "丙村", township("冯桥镇"), "冯桥镇", RegionKind.VILLAGE, Intensity.EXPEDITED, false),
                new RoundLocality(-4, "丁社区", township("冯桥镇"), "冯桥镇", RegionKind.COMMUNITY, Intensity.EXPEDITED, false));
        RosterSuggestion roster = pool.suggest(
                district,
                localities,
                GroupSizing.perGroup(3),
                dates,
                List.of(),
                ServiceHistory.none(),
                GroupShape.standard());
        assertThat(roster.unassignedLocalities()).isEmpty();
        RecusalRules rules = pool.rules(district, dates, List.of());
        Map<InspectorId, Candidate> people = new java.util.HashMap<>();
        pool.candidates(district).forEach(c -> people.put(c.id(), c));
        roster.groups()
                .forEach(group -> group.people()
                        .forEach(person -> group.localities()
                                .forEach(locality -> assertThat(
                                                rules.permits(people.get(person.inspector()), person.role(), locality))
                                        .isTrue())));
        assertThat(pool.names(List.of(roster.groups().get(0).leader().inspector())))
                .containsValue(roster.groups().get(0).leader().name());
    }

    private Cookie signIn(String username) throws Exception {
        return DemoLogins.of(environment).signIn(mvc, username);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private long firstInspector() {
        return jdbc.sql("select min(id) from inspectors.inspector")
                .query(Long.class)
                .single();
    }

    private int version(long id) {
        return jdbc.sql("select version from inspectors.inspector where id = :id")
                .param("id", id)
                .query(Integer.class)
                .single();
    }

    private long township(String name) {
        return jdbc.sql("select id from organization.region where name = :name")
                .param("name", name)
                .query(Long.class)
                .single();
    }

    private long district() {
        return jdbc.sql("select id from organization.region where name = '睢阳区'")
                .query(Long.class)
                .single();
    }
}
