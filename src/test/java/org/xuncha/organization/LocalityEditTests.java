package org.xuncha.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.xuncha.DemoLogins;

/**
 * The office edits a 村居's facts and overrides its intensity: the suggestion follows the facts, each change is
 * audited, an override needs its reason, and a stale form is refused with 409 without overwriting the newer save.
 * Each test takes its own 村居 so they do not disturb one another in the shared context.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LocalityEditTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Environment environment;

    @Autowired
    JdbcClient jdbc;

    @Test
    void revisedFactsChangeTheSuggestedIntensityAndAreAudited() throws Exception {
        long id = expeditedLocality("路河镇");
        Cookie office = DemoLogins.of(environment).signIn(mvc, "office");
        mvc.perform(get("/localities/" + id + "/edit").cookie(office))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"version\" value=\"0\"")));

        mvc.perform(facts(id, 0, 2345, true).cookie(office)).andExpect(redirectedUrl("/localities/" + id));

        Map<String, Object> row = locality(id);
        assertThat(row)
                .containsEntry("many_conflicts", true)
                .containsEntry("population", 2345)
                .containsEntry("suggested_intensity", "FOCUSED")
                .containsEntry("version", 1);
        assertThat(auditedUpdates(id, "office")).isEqualTo(1);
        mvc.perform(get("/localities/" + id).cookie(office))
                .andExpect(content().string(containsString("data-testid=\"suggested-intensity\">重点巡察<")))
                .andExpect(content().string(containsString("矛盾问题较多")));
    }

    @Test
    void anOverrideWithAnEmptyReasonIsRefusedNamingTheField() throws Exception {
        long id = expeditedLocality("高辛镇");
        Cookie office = DemoLogins.of(environment).signIn(mvc, "office");

        mvc.perform(override(id, "FOCUSED", "   ", 0).cookie(office))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("class=\"field-error\">请填写调整理由")));
        assertThat(locality(id)).containsEntry("intensity_override", null).containsEntry("version", 0);
        assertThat(auditedUpdates(id, "office")).isZero();
    }

    @Test
    void anOverrideWithAReasonIsSavedAndAudited() throws Exception {
        long id = expeditedLocality("宋集镇");
        Cookie director = DemoLogins.of(environment).signIn(mvc, "director");

        mvc.perform(override(id, "FOCUSED", "群众来信反映集体土地发包问题", 0).cookie(director))
                .andExpect(redirectedUrl("/localities/" + id + "#intensity"));

        assertThat(locality(id))
                .containsEntry("intensity_override", "FOCUSED")
                .containsEntry("override_reason", "群众来信反映集体土地发包问题")
                .containsEntry("overridden_by", "director");
        assertThat(auditedUpdates(id, "director")).isEqualTo(1);
        mvc.perform(get("/localities")
                        .param("intensity", "FOCUSED")
                        .param("size", "200")
                        .cookie(director))
                .andExpect(content().string(containsString("/localities/" + id + "\"")));
    }

    @Test
    void aStaleEditGetsAConflictAndDoesNotOverwriteTheNewerSave() throws Exception {
        long id = expeditedLocality("郭村镇");
        Cookie office = DemoLogins.of(environment).signIn(mvc, "office");

        mvc.perform(facts(id, 0, 1111, false).cookie(office)).andExpect(status().is3xxRedirection());
        mvc.perform(facts(id, 0, 2222, true).cookie(office))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("记录已被他人修改")));
        mvc.perform(override(id, "FOCUSED", "旧表单", 0).cookie(office)).andExpect(status().isConflict());

        assertThat(locality(id))
                .containsEntry("population", 1111)
                .containsEntry("many_conflicts", false)
                .containsEntry("intensity_override", null)
                .containsEntry("version", 1);
        assertThat(auditedUpdates(id, "office")).isEqualTo(1);
    }

    private MockHttpServletRequestBuilder facts(long id, int version, int population, boolean manyConflicts) {
        return post("/localities/" + id + "/edit")
                .with(csrf())
                .param("partyOrgType", "BRANCH")
                .param("partySecretary", "王建国")
                .param("partyMemberCount", "48")
                .param("population", String.valueOf(population))
                .param("householdCount", "600")
                .param("collectiveFunds", "12.50")
                .param("collectiveAssets", "80")
                .param("collectiveResources", "1500")
                .param("weakPartyBuilding", "false")
                .param("largeCollectiveEconomy", "false")
                .param("manyConflicts", String.valueOf(manyConflicts))
                .param("version", String.valueOf(version));
    }

    private static MockHttpServletRequestBuilder override(long id, String intensity, String reason, int version) {
        return post("/localities/" + id + "/intensity")
                .with(csrf())
                .param("intensity", intensity)
                .param("reason", reason)
                .param("version", String.valueOf(version));
    }

    /** The first 村居 of a township that is suggested 快进快出; each test names its own township. */
    private long expeditedLocality(String township) {
        return jdbc.sql("""
                        select r.id from organization.locality l
                        join organization.region r on r.id = l.region_id
                        join organization.region t on t.id = r.parent_id
                        where t.name = ? and l.suggested_intensity = 'EXPEDITED' and l.intensity_override is null
                        order by r.code limit 1
                        """).param(township).query(Long.class).single();
    }

    private Map<String, Object> locality(long id) {
        return jdbc.sql("select * from organization.locality where region_id = ?")
                .param(id)
                .query()
                .singleRow();
    }

    private long auditedUpdates(long id, String actor) {
        return jdbc.sql("""
                        select count(*) from audit.audit_event
                        where action = 'UPDATE' and object_type = 'Locality' and object_id = ? and actor = ?
                        """)
                .param(String.valueOf(id))
                .param(actor)
                .query(Long.class)
                .single();
    }
}
