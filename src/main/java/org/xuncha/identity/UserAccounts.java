package org.xuncha.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.xuncha.web.Paged;

/** The accounts (用户账户), stored in {@code identity.user_account} with their scope rows. */
@Repository
class UserAccounts {

    private static final String SELECT = """
            select a.*, coalesce((select array_agg(s.region_id order by s.region_id) from identity.user_scope_region s
                                  where s.user_id = a.id), '{}') as scope_ids
            from identity.user_account a
            """;

    private final JdbcClient jdbc;

    UserAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long count() {
        return jdbc.sql("select count(*) from identity.user_account")
                .query(Long.class)
                .single();
    }

    Optional<UserAccount> findByUsername(String username) {
        return jdbc.sql(SELECT + " where a.username = :u")
                .param("u", username)
                .query(this::map)
                .optional();
    }

    Optional<UserAccount> findById(long id) {
        return jdbc.sql(SELECT + " where a.id = :id")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    List<UserAccount> findAll() {
        return jdbc.sql(SELECT + " order by a.id").query(this::map).list();
    }

    /** One page of the accounts whose username or name contains the text (any account when blank), by username. */
    Paged<UserAccount> search(String text, int page, int size) {
        String pattern =
                "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        String where = " where a.username ilike :p escape '\\' or a.display_name ilike :p escape '\\'";
        long total = jdbc.sql("select count(*) from identity.user_account a" + where)
                .param("p", pattern)
                .query(Long.class)
                .single();
        List<UserAccount> items = jdbc.sql(SELECT + where + " order by a.username limit :size offset :offset")
                .param("p", pattern)
                .param("size", size)
                .param("offset", (long) page * size)
                .query(this::map)
                .list();
        return new Paged<>(items, page, size, total);
    }

    /** Inserts a new account or updates an existing one, refusing a stale version (optimistic locking). */
    UserAccount save(UserAccount account) {
        long id;
        if (account.id() == 0) {
            id = jdbc.sql("""
                    insert into identity.user_account (username, display_name, password_hash, role, receiving_body, enabled,
                        must_change_password, failed_attempts, locked_until, password_changed_at)
                    values (:username, :name, :hash, :role, :body, :enabled, :mustChange, :failed, :lockedUntil, now())
                    returning id
                    """).params(columns(account)).query(Long.class).single();
        } else {
            int updated = jdbc.sql("""
                    update identity.user_account set display_name = :name, password_hash = :hash, role = :role,
                        receiving_body = :body, enabled = :enabled, must_change_password = :mustChange,
                        failed_attempts = :failed, locked_until = :lockedUntil, version = version + 1,
                        password_changed_at = case when password_hash = :hash then password_changed_at else now() end
                    where id = :id and version = :version
                    """)
                    .params(columns(account))
                    .param("id", account.id())
                    .param("version", account.version())
                    .update();
            if (updated == 0) {
                throw new OptimisticLockingFailureException("user_account " + account.id());
            }
            id = account.id();
        }
        jdbc.sql("delete from identity.user_scope_region where user_id = :id")
                .param("id", id)
                .update();
        for (Long regionId : account.scopeRegionIds()) {
            jdbc.sql("insert into identity.user_scope_region (user_id, region_id) values (:id, :region)")
                    .param("id", id)
                    .param("region", regionId)
                    .update();
        }
        return findById(id).orElseThrow();
    }

    /** Sign-in bookkeeping is written without the version check: it must never lose a failed attempt. */
    void saveSignInState(UserAccount account) {
        jdbc.sql(
                        "update identity.user_account set failed_attempts = :failed, locked_until = :lockedUntil where id = :id")
                .param("failed", account.failedAttempts())
                .param("lockedUntil", account.lockedUntil() == null ? null : Timestamp.from(account.lockedUntil()))
                .param("id", account.id())
                .update();
    }

    private static java.util.Map<String, Object> columns(UserAccount a) {
        java.util.Map<String, Object> map = new java.util.HashMap<>();
        map.put("username", a.username());
        map.put("name", a.displayName());
        map.put("hash", a.passwordHash());
        map.put("role", a.role() == null ? null : a.role().name());
        map.put("body", a.receivingBody() == null ? null : a.receivingBody().name());
        map.put("enabled", a.enabled());
        map.put("mustChange", a.mustChangePassword());
        map.put("failed", a.failedAttempts());
        map.put("lockedUntil", a.lockedUntil() == null ? null : Timestamp.from(a.lockedUntil()));
        return map;
    }

    private UserAccount map(ResultSet rs, int row) throws SQLException {
        Long[] scope = (Long[]) rs.getArray("scope_ids").getArray();
        String role = rs.getString("role");
        String body = rs.getString("receiving_body");
        Timestamp locked = rs.getTimestamp("locked_until");
        return new UserAccount(
                rs.getLong("id"),
                rs.getString("username"),
                rs.getString("display_name"),
                rs.getString("password_hash"),
                role == null ? null : Role.valueOf(role),
                body == null ? null : ReceivingBody.valueOf(body),
                rs.getBoolean("enabled"),
                rs.getBoolean("must_change_password"),
                rs.getInt("failed_attempts"),
                locked == null ? null : locked.toInstant(),
                List.of(scope),
                rs.getInt("version"));
    }
}
