package org.xuncha.province;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The province generator at a tiny scale: every table gets its share and the rows hang together. */
@SpringBootTest(properties = "xuncha.test.province=true")
class ProvinceGeneratorTests {

    @Autowired
    @Qualifier("flywayDataSource")
    DataSource superuser;

    @Test
    void writesAScaledProvinceWithConsistentLinks() throws Exception {
        double scale = 0.002;
        for (int i = 0;
                i < 240
                        && count("select count(*) from planning.round where kind = 'PILOT'"
                                        + " and state = 'FIELDWORK_FINISHED'")
                                == 0;
                i++) {
            Thread.sleep(500);
        }
        ProvinceGenerator.Counts counts = ProvinceGenerator.generate(superuser, scale, 7L);
        JdbcClient jdbc = JdbcClient.create(superuser);
        String province = "(select path from organization.region where id = " + counts.provinceId() + ")";

        assertThat(count("select count(*) from organization.region where level = 'DISTRICT' and path like " + province
                        + " || '%'"))
                .isEqualTo(ProvinceGenerator.scaled(ProvinceGenerator.DISTRICTS, scale, 2));
        assertThat(count("select count(*) from organization.region where level = 'TOWNSHIP' and path like " + province
                        + " || '%'"))
                .isEqualTo(ProvinceGenerator.scaled(ProvinceGenerator.TOWNSHIPS, scale, 4));
        assertThat(count("select count(*) from organization.region where level = 'LOCALITY' and path like " + province
                        + " || '%'"))
                .isEqualTo(ProvinceGenerator.scaled(ProvinceGenerator.LOCALITIES, scale, 8));
        long households = count("select count(*) from organization.household h join organization.region r"
                + " on r.id = h.locality_id where r.path like " + province + " || '%'");
        assertThat(households).isBetween(9_000L, 11_000L);
        assertThat(counts.rows().get("organization.household")).isEqualTo(households);
        assertThat(count("select count(*) from fieldwork.household_visit v join organization.household h"
                        + " on h.id = v.household_id and h.locality_id = v.locality_id where v.recorded_by = 'bench'"))
                .isEqualTo(counts.rows().get("fieldwork.household_visit"))
                .isBetween(18_000L, 22_000L);
        assertThat(count("select count(*) from fieldwork.talk where recorded_by = 'bench'"))
                .isEqualTo(ProvinceGenerator.scaled(ProvinceGenerator.TALKS, scale, 1));
        assertThat(count("select count(*) from intake.petition where registered_by is null and receipt_digest like"
                        + " 'bench-%'"))
                .isEqualTo(ProvinceGenerator.scaled(ProvinceGenerator.PETITIONS, scale, 1));
        assertThat(count("select count(*) from findings.finding where recorded_by = 'bench'"))
                .isEqualTo(ProvinceGenerator.scaled(ProvinceGenerator.FINDINGS, scale, 1));
        assertThat(count("select count(*) from findings.lead where raised_by = 'bench'"))
                .isEqualTo(ProvinceGenerator.scaled(ProvinceGenerator.LEADS, scale, 1));
        assertThat(counts.rows().get("rectification.task")).isPositive();
        // every finding's 村居 is in its round and in the group it names; every task's finding is in the same round
        assertThat(count(
                        "select count(*) from findings.finding f where f.recorded_by = 'bench' and not exists (select 1"
                                + " from planning.group_locality gl join planning.inspection_group g on g.id = gl.group_id"
                                + " where gl.round_id = f.round_id and gl.locality_id = f.locality_id"
                                + " and g.number = f.group_number)"))
                .isZero();
        assertThat(count("select count(*) from rectification.task t join findings.finding f on f.id = t.finding_id"
                        + " where f.round_id <> t.round_id or f.locality_id <> t.locality_id"))
                .isZero();
        // skew: the worst township has far more findings per 村居 than the median one
        long worst = count("select max(n) from (select count(*) n from findings.finding where recorded_by = 'bench'"
                + " group by township_id) x");
        long median = count("select percentile_disc(0.5) within group (order by n) from (select count(*) n from"
                + " findings.finding where recorded_by = 'bench' group by township_id) x");
        assertThat(worst).isGreaterThan(3 * median);
        // the identity sequences moved past the written ids
        long next = jdbc.sql("select nextval(pg_get_serial_sequence('findings.finding', 'id'))")
                .query(Long.class)
                .single();
        assertThat(next).isGreaterThan(count("select max(id) from findings.finding"));
    }

    private long count(String sql) {
        Long n = JdbcClient.create(superuser).sql(sql).query(Long.class).single();
        return n == null ? 0 : n;
    }
}
