package org.xuncha.inspectors;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The recusal rules each district enforces; a district never configured enforces them all. */
@Repository
class RecusalPolicies {

    /** A district's policy with the version the policy page edits. */
    record Stored(long districtId, RecusalPolicy policy, int version) {}

    private final JdbcClient jdbc;

    RecusalPolicies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Stored of(long districtId) {
        return jdbc.sql("select enabled_rules, version from inspectors.recusal_policy where district_id = :district")
                .param("district", districtId)
                .query((rs, n) -> {
                    Set<RecusalRule> rules = EnumSet.noneOf(RecusalRule.class);
                    for (Object rule : (Object[]) rs.getArray(1).getArray()) {
                        rules.add(RecusalRule.valueOf((String) rule));
                    }
                    return new Stored(districtId, new RecusalPolicy(rules), rs.getInt(2));
                })
                .optional()
                .orElseGet(() -> new Stored(districtId, RecusalPolicy.allRules(), 0));
    }

    /** Saves the enabled rules, refusing an edit made from a stale version. */
    void save(long districtId, Set<RecusalRule> enabled, int version, String by, Instant at) {
        String rules = enabled.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
        int changed = jdbc.sql("""
                        insert into inspectors.recusal_policy (district_id, enabled_rules, version, updated_by, updated_at)
                        values (:district, string_to_array(:rules, ','), 1, :by, :at)
                        on conflict (district_id) do update set enabled_rules = excluded.enabled_rules,
                            version = inspectors.recusal_policy.version + 1, updated_by = excluded.updated_by,
                            updated_at = excluded.updated_at
                        where inspectors.recusal_policy.version = :version
                        """)
                .param("district", districtId)
                .param("rules", rules)
                .param("by", by)
                .param("at", Timestamp.from(at))
                .param("version", version)
                .update();
        if (changed == 0) {
            throw new OptimisticLockingFailureException("recusal policy of district " + districtId + " changed");
        }
    }
}
