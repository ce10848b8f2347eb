package org.xuncha;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The embedded database as its superuser, for tests that must do what the application's role cannot (tampering
 * with the audit log). Uses the port of the application's pool; the embedded server trusts local connections.
 */
public final class Superuser {

    private Superuser() {}

    public static JdbcClient jdbc(DataSource applicationDataSource) {
        if (!(applicationDataSource instanceof HikariDataSource pool)) {
            throw new IllegalStateException("expected the application's Hikari pool, got " + applicationDataSource);
        }
        return JdbcClient.create(new DriverManagerDataSource(pool.getJdbcUrl(), "postgres", ""));
    }
}
