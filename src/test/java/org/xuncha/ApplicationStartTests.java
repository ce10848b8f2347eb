package org.xuncha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** A fresh start on embedded PostgreSQL loads 睢阳区 and the demo accounts, and office staff see the district. */
@SpringBootTest
@AutoConfigureMockMvc
class ApplicationStartTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Environment environment;

    @Autowired
    JdbcClient jdbc;

    @Test
    void loadsTheDemoDistrictOfTheArticle() {
        assertThat(count("select count(*) from organization.region where level = 'TOWNSHIP'"))
                .isEqualTo(19);
        assertThat(count("select count(*) from organization.region where kind = 'SUBDISTRICT'"))
                .isEqualTo(6);
        assertThat(count("select count(*) from organization.region where kind = 'TOWN'"))
                .isEqualTo(11);
        assertThat(count("select count(*) from organization.region where kind = 'XIANG'"))
                .isEqualTo(2);
        assertThat(count("select count(*) from organization.region where kind = 'COMMUNITY'"))
                .isEqualTo(54);
        assertThat(count("select count(*) from organization.region where kind = 'VILLAGE'"))
                .isEqualTo(295);
        assertThat(count("""
                select count(*) from organization.region r where r.level = 'LOCALITY'
                  and not exists (select 1 from organization.household h where h.locality_id = r.id)
                """)).isZero();
        assertThat(count("select count(*) from organization.household where five_guarantees"))
                .isPositive();
        assertThat(count("select count(*) from organization.household where minimum_living"))
                .isPositive();
        assertThat(count("select count(*) from organization.household where dilapidated_housing"))
                .isPositive();
        assertThat(count("select count(*) from organization.region where name in ('坞墙镇', '冯桥镇', '闫集镇')"))
                .isEqualTo(3);
    }

    @Test
    void officeStaffSeeTheDistrictWithItsCounts() throws Exception {
        Cookie session = DemoLogins.of(environment).signIn(mvc, "office");
        long district = jdbc.sql("select id from organization.region where name = '睢阳区'")
                .query(Long.class)
                .single();
        mvc.perform(get("/regions/" + district).cookie(session))
                .andExpect(status().isOk())
                .andExpect(
                        content().string(org.hamcrest.Matchers.containsString("data-testid=\"count-townships\">19<")))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.containsString("data-testid=\"count-localities\">349<")));
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
