package org.xuncha.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xuncha.Superuser;

/**
 * The audit log is append-only for the application and its SM3 chain exposes what the database superuser could still
 * do behind the application's back: edit a row (its own hash breaks) or delete one (the next row's link breaks).
 * Each tampering test puts the row back, so the chain is whole again for the tests that follow.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AuditChainTests {

    @Autowired
    AuditLog auditLog;

    @Autowired
    AuditChain chain;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    JdbcClient superuser;

    @BeforeEach
    void superuser() {
        superuser = Superuser.jdbc(dataSource);
    }

    @Test
    void untouchedChainVerifiesWithItsCount() {
        auditLog.recordAs("chain-test", null, AuditAction.UPDATE, "Test", 1, AuditOutcome.SUCCESS, "first");
        long rows = jdbc.sql("select count(*) from audit.audit_event")
                .query(Long.class)
                .single();

        AuditChain.Verification verification = chain.verify();

        assertThat(verification.intact()).isTrue();
        assertThat(verification.checked()).isEqualTo(rows);
    }

    @Test
    void applicationRoleCannotUpdateDeleteOrTruncateTheLog() {
        long id = append("append-only");
        assertThatThrownBy(() -> jdbc.sql("update audit.audit_event set detail = 'forged' where id = :id")
                        .param("id", id)
                        .update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("delete from audit.audit_event where id = :id")
                        .param("id", id)
                        .update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("truncate audit.audit_event").update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("permission denied");
        assertThat(detailOf(id)).isEqualTo("append-only");
    }

    @Test
    void triggerRefusesChangesEvenFromTheSuperuser() {
        long id = append("guarded");
        assertThatThrownBy(() -> superuser
                        .sql("update audit.audit_event set detail = 'forged' where id = :id")
                        .param("id", id)
                        .update())
                .hasMessageContaining("append-only");
        assertThat(detailOf(id)).isEqualTo("guarded");
    }

    @Test
    void editedRowIsTheFirstBrokenLink() {
        append("before");
        long edited = append("original detail");
        append("after");
        assertThat(chain.verify().intact()).isTrue();

        tamper("update audit.audit_event set detail = 'innocent detail' where id = :id", Map.of("id", edited));
        try {
            AuditChain.Verification verification = chain.verify();
            assertThat(verification.firstBrokenId()).isEqualTo(edited);
            assertThat(verification.problem()).isEqualTo(AuditChain.Problem.HASH_MISMATCH);
        } finally {
            tamper("update audit.audit_event set detail = 'original detail' where id = :id", Map.of("id", edited));
        }
        assertThat(chain.verify().intact()).isTrue();
    }

    @Test
    void deletedRowInTheMiddleIsDetectedAtTheRowAfterIt() {
        append("before");
        long deleted = append("to be deleted");
        long after = append("after");
        Map<String, Object> row = superuser
                .sql("select * from audit.audit_event where id = :id")
                .param("id", deleted)
                .query()
                .singleRow();

        tamper("delete from audit.audit_event where id = :id", Map.of("id", deleted));
        try {
            AuditChain.Verification verification = chain.verify();
            assertThat(verification.firstBrokenId()).isEqualTo(after);
            assertThat(verification.problem()).isEqualTo(AuditChain.Problem.LINK_MISMATCH);
        } finally {
            tamper("""
                    insert into audit.audit_event (id, occurred_at, actor, actor_role, action, object_type, object_id,
                        outcome, detail, client_ip, prev_hash, hash) overriding system value
                    values (:id, :occurred_at, :actor, :actor_role, :action, :object_type, :object_id, :outcome,
                        :detail, :client_ip, :prev_hash, :hash)
                    """, row);
        }
        assertThat(chain.verify().intact()).isTrue();
    }

    /** As the superuser: switch the append-only trigger off, run the statement, switch it on again. */
    private void tamper(String sql, Map<String, ?> params) {
        superuser
                .sql("alter table audit.audit_event disable trigger audit_event_append_only")
                .update();
        try {
            var statement = superuser.sql(sql);
            params.forEach((name, value) -> statement.param(
                    name, value instanceof java.time.OffsetDateTime time ? Timestamp.from(time.toInstant()) : value));
            assertThat(statement.update()).isEqualTo(1);
        } finally {
            superuser
                    .sql("alter table audit.audit_event enable trigger audit_event_append_only")
                    .update();
        }
    }

    private long append(String detail) {
        auditLog.recordAs("chain-test", "AUDIT_ADMIN", AuditAction.UPDATE, "Test", 7, AuditOutcome.SUCCESS, detail);
        return jdbc.sql("select max(id) from audit.audit_event")
                .query(Long.class)
                .single();
    }

    private String detailOf(long id) {
        return jdbc.sql("select detail from audit.audit_event where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }
}
