package org.xuncha.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.xuncha.DemoLogins;

/**
 * Data scope (数据范围) on embedded PostgreSQL, through the real sign-in: a township user cannot read, list, count or
 * page another township's 村居 or households, by id or by filter; wider roles see exactly their subtrees; roles
 * without business data are refused.
 * The Excel export is bounded the same way: a liaison's export holds only 坞墙镇's township, 村居 and households.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RegionScopeTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Environment environment;

    @Autowired
    JdbcClient jdbc;

    private long district;
    private long wuqiang;
    private long fengqiao;
    private long wuqiangLocality;
    private long fengqiaoLocality;

    @BeforeEach
    void findRegions() {
        district = regionId("睢阳区");
        wuqiang = regionId("坞墙镇");
        fengqiao = regionId("冯桥镇");
        wuqiangLocality = firstLocalityOf(wuqiang);
        fengqiaoLocality = firstLocalityOf(fengqiao);
    }

    @Test
    void aTownshipLiaisonCannotReadAnotherTownshipsLocalityById() throws Exception {
        Cookie liaison = signIn("liaison");

        mvc.perform(get("/localities/" + fengqiaoLocality).cookie(liaison)).andExpect(status().isNotFound());
        mvc.perform(get("/localities/" + fengqiaoLocality)
                        .header("HX-Request", "true")
                        .cookie(liaison))
                .andExpect(status().isNotFound());
        mvc.perform(get("/regions/" + fengqiaoLocality).cookie(liaison)).andExpect(status().isNotFound());
        mvc.perform(get("/localities/" + wuqiangLocality).cookie(liaison)).andExpect(status().isOk());
    }

    @Test
    void aTownshipLiaisonCannotOpenTheEditFormOfAnyLocality() throws Exception {
        Cookie liaison = signIn("liaison");

        mvc.perform(get("/localities/" + fengqiaoLocality + "/edit").cookie(liaison))
                .andExpect(status().isForbidden());
        mvc.perform(get("/localities/" + wuqiangLocality + "/edit").cookie(liaison))
                .andExpect(status().isForbidden());
    }

    @Test
    void aTownshipLiaisonCannotOpenAnotherTownshipOrTheDistrictInTheTree() throws Exception {
        Cookie liaison = signIn("liaison");

        mvc.perform(get("/regions/" + fengqiao).cookie(liaison)).andExpect(status().isNotFound());
        mvc.perform(get("/regions/" + district).cookie(liaison)).andExpect(status().isNotFound());
        mvc.perform(get("/regions/" + regionId("商丘市")).cookie(liaison)).andExpect(status().isNotFound());
    }

    @Test
    void aTownshipLiaisonListsOnlyTheirTownshipsLocalities() throws Exception {
        Cookie liaison = signIn("liaison");

        mvc.perform(get("/localities").cookie(liaison))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(">共 26 个村居<")))
                .andExpect(content().string(not(containsString("冯桥镇"))));
        mvc.perform(get("/localities")
                        .param("township", String.valueOf(fengqiao))
                        .cookie(liaison))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(">共 0 个村居<")));
        mvc.perform(get("/localities")
                        .param("name", localityName(fengqiaoLocality))
                        .cookie(liaison))
                .andExpect(content().string(not(containsString("/localities/" + fengqiaoLocality + "\""))));
        mvc.perform(get("/localities")
                        .param("kind", "VILLAGE")
                        .param("size", "200")
                        .cookie(liaison))
                .andExpect(content().string(containsString(">共 24 个村居<")));
    }

    @Test
    void aTownshipLiaisonCountsOnlyTheirTownship() throws Exception {
        Cookie liaison = signIn("liaison");
        long households = count(
                "select count(*) from organization.household h join organization.region r"
                        + " on r.id = h.locality_id where r.parent_id = ?",
                wuqiang);

        mvc.perform(get("/regions").cookie(liaison)).andExpect(redirectedUrl("/regions/" + wuqiang));
        mvc.perform(get("/regions/" + wuqiang).cookie(liaison))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"region-name\">坞墙镇<")))
                .andExpect(content().string(containsString("data-testid=\"count-localities\">26<")))
                .andExpect(content().string(containsString("data-testid=\"count-households\">" + households + "<")))
                .andExpect(content().string(not(containsString("睢阳区"))))
                .andExpect(content().string(not(containsString("冯桥镇"))));
    }

    @Test
    void aTownshipLiaisonCannotPageAnotherTownshipsHouseholds() throws Exception {
        Cookie liaison = signIn("liaison");

        for (String category : new String[] {"ALL", "SPECIAL", "FIVE_GUARANTEES"}) {
            mvc.perform(get("/localities/" + fengqiaoLocality)
                            .param("category", category)
                            .param("page", "1")
                            .header("HX-Request", "true")
                            .cookie(liaison))
                    .andExpect(status().isNotFound());
        }
    }

    @Test
    void aSupervisorSeesExactlyTheirThreeTownships() throws Exception {
        Cookie supervisor = signIn("supervisor");

        mvc.perform(get("/regions").cookie(supervisor))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(">坞墙镇<")))
                .andExpect(content().string(containsString(">冯桥镇<")))
                .andExpect(content().string(containsString(">闫集镇<")))
                .andExpect(content().string(not(containsString(">古城街道<"))))
                .andExpect(content().string(not(containsString(">睢阳区<"))));
        mvc.perform(get("/localities").cookie(supervisor)).andExpect(content().string(containsString(">共 74 个村居<")));
        mvc.perform(get("/localities/" + firstLocalityOf(regionId("古城街道"))).cookie(supervisor))
                .andExpect(status().isNotFound());
        mvc.perform(get("/regions/" + district).cookie(supervisor)).andExpect(status().isNotFound());
    }

    @Test
    void officeStaffSeeTheWholeDistrict() throws Exception {
        Cookie office = signIn("office");

        mvc.perform(get("/regions").cookie(office)).andExpect(redirectedUrl("/regions/" + district));
        mvc.perform(get("/localities").cookie(office)).andExpect(content().string(containsString(">共 349 个村居<")));
        mvc.perform(get("/localities/" + fengqiaoLocality).cookie(office))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"household-count\"")));
    }

    @Test
    void aLeaderSeesTheTreeButNoHouseholdRoster() throws Exception {
        Cookie leader = signIn("leader");

        mvc.perform(get("/regions/" + district).cookie(leader))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"count-localities\">349<")));
        mvc.perform(get("/localities/" + fengqiaoLocality).cookie(leader))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("data-testid=\"household-count\""))));
        mvc.perform(get("/localities/" + fengqiaoLocality)
                        .param("category", "SPECIAL")
                        .header("HX-Request", "true")
                        .cookie(leader))
                .andExpect(status().isForbidden());
    }

    @ParameterizedTest
    @ValueSource(strings = {"receiver", "sysadmin", "secadmin", "auditor"})
    void rolesWithoutRegionDataAreRefused(String username) throws Exception {
        Cookie session = signIn(username);

        mvc.perform(get("/regions").cookie(session)).andExpect(status().isForbidden());
        mvc.perform(get("/regions/" + district).cookie(session)).andExpect(status().isForbidden());
        mvc.perform(get("/localities").cookie(session)).andExpect(status().isForbidden());
        mvc.perform(get("/localities/" + wuqiangLocality).cookie(session)).andExpect(status().isForbidden());
    }

    private Cookie signIn(String username) throws Exception {
        return DemoLogins.of(environment).signIn(mvc, username);
    }

    private long regionId(String name) {
        return jdbc.sql("select id from organization.region where name = ?")
                .param(name)
                .query(Long.class)
                .single();
    }

    private long firstLocalityOf(long township) {
        return jdbc.sql("select id from organization.region where parent_id = ? order by code limit 1")
                .param(township)
                .query(Long.class)
                .single();
    }

    private String localityName(long id) {
        return jdbc.sql("select name from organization.region where id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    @Test
    void aTownshipLiaisonsExportHoldsOnlyTheirTownship() throws Exception {
        Cookie liaison = signIn("liaison");
        byte[] xlsx = mvc.perform(get("/registry/export.xlsx").cookie(liaison))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        String wuqiangPath = jdbc.sql("select path from organization.region where id = :id")
                .param("id", wuqiang)
                .query(String.class)
                .single();
        long wuqiangHouseholds =
                jdbc.sql("""
                        select count(*) from organization.household h join organization.region r on r.id = h.locality_id
                        where r.path like :path || '%'
                        """).param("path", wuqiangPath).query(Long.class).single();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet townships = workbook.getSheet(RegistrySheets.TOWNSHIPS);
            Sheet localities = workbook.getSheet(RegistrySheets.LOCALITIES);
            Sheet households = workbook.getSheet(RegistrySheets.HOUSEHOLDS);
            assertThat(townships.getLastRowNum()).isEqualTo(1);
            assertThat(localities.getLastRowNum()).isEqualTo(26);
            assertThat((long) households.getLastRowNum()).isEqualTo(wuqiangHouseholds);
            String fengqiaoCode = jdbc.sql("select code from organization.region where id = :id")
                    .param("id", fengqiao)
                    .query(String.class)
                    .single();
            String fengqiaoPrefix = fengqiaoCode.substring(0, 9);
            for (Sheet sheet : List.of(townships, localities, households)) {
                for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                    assertThat(sheet.getRow(r).getCell(0).getStringCellValue()).doesNotStartWith(fengqiaoPrefix);
                }
            }
        }
    }
}
