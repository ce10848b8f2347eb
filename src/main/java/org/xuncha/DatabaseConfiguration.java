package org.xuncha;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.HexFormat;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.StringUtils;

/**
 * Chooses the database: an external PostgreSQL when {@code XUNCHA_DB_URL} is set, otherwise an embedded
 * PostgreSQL 17 whose data lives under {@code <data-dir>/pg} and survives restarts.
 *
 * <p>In embedded mode Flyway migrates as the superuser while the application connects as a separate,
 * unprivileged role whose password is renewed at each start; that role cannot alter the audit log.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    static final String DATABASE_NAME = "xuncha";

    private final Path dataDir;
    private final String url;
    private final String user;
    private final String password;
    private final String appRole;

    DatabaseConfiguration(
            @Value("${xuncha.data-dir}") String dataDir,
            @Value("${xuncha.database.url}") String url,
            @Value("${xuncha.database.user}") String user,
            @Value("${xuncha.database.password}") String password,
            @Value("${xuncha.database.app-role}") String appRole) {
        this.dataDir = Path.of(dataDir).toAbsolutePath().normalize();
        this.url = url;
        this.user = user;
        this.password = password;
        this.appRole = appRole;
    }

    boolean embedded() {
        return !StringUtils.hasText(url);
    }

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase() throws IOException, SQLException {
        if (!embedded()) {
            return EmbeddedDatabase.NONE;
        }
        if (!appRole.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalStateException("xuncha.database.app-role must be a plain lower-case identifier");
        }
        Path pgDir = dataDir.resolve("pg");
        Files.createDirectories(pgDir);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(pgDir)
                .setCleanDataDirectory(false)
                // Spring closes the server after the data source; zonky's own hook could stop it first
                .setRegisterShutdownHook(false)
                .setServerConfig("max_connections", "60")
                .start();
        String appPassword = HexFormat.of().formatHex(randomBytes(24));
        JdbcTemplate admin = new JdbcTemplate(postgres.getPostgresDatabase());
        Integer exists = admin.queryForObject(
                "select count(*) from pg_database where datname = ?", Integer.class, DATABASE_NAME);
        if (exists == null || exists == 0) {
            admin.execute("create database " + DATABASE_NAME);
        }
        Integer roleExists =
                admin.queryForObject("select count(*) from pg_roles where rolname = ?", Integer.class, appRole);
        String passwordLiteral = "'" + appPassword + "'";
        if (roleExists == null || roleExists == 0) {
            admin.execute("create role " + appRole + " login nosuperuser nocreatedb nocreaterole password "
                    + passwordLiteral);
        } else {
            admin.execute("alter role " + appRole + " password " + passwordLiteral);
        }
        admin.execute("grant connect on database " + DATABASE_NAME + " to " + appRole);
        return new EmbeddedDatabase(postgres, appRole, appPassword);
    }

    @Bean
    @Primary
    HikariDataSource dataSource(EmbeddedDatabase embeddedDatabase) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setPoolName("xuncha");
        dataSource.setMaximumPoolSize(20);
        if (embeddedDatabase.isRunning()) {
            dataSource.setJdbcUrl(embeddedDatabase.jdbcUrl());
            dataSource.setUsername(embeddedDatabase.appRole());
            dataSource.setPassword(embeddedDatabase.appPassword());
        } else {
            dataSource.setJdbcUrl(url);
            dataSource.setUsername(user);
            dataSource.setPassword(password);
        }
        return dataSource;
    }

    @Bean
    @FlywayDataSource
    DataSource flywayDataSource(EmbeddedDatabase embeddedDatabase, HikariDataSource dataSource) {
        if (!embeddedDatabase.isRunning()) {
            return dataSource;
        }
        return embeddedDatabase.superuserDataSource();
    }

    @Bean
    FlywayConfigurationCustomizer appRolePlaceholder(EmbeddedDatabase embeddedDatabase) {
        String role = embeddedDatabase.isRunning() ? appRole : user;
        return configuration -> configuration.placeholders(java.util.Map.of("appRole", role));
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    /** The embedded server, or {@link #NONE} when an external database is configured. */
    static final class EmbeddedDatabase implements AutoCloseable {

        static final EmbeddedDatabase NONE = new EmbeddedDatabase(null, "", "");

        private final EmbeddedPostgres postgres;
        private final String appRole;
        private final String appPassword;

        EmbeddedDatabase(EmbeddedPostgres postgres, String appRole, String appPassword) {
            this.postgres = postgres;
            this.appRole = appRole;
            this.appPassword = appPassword;
        }

        boolean isRunning() {
            return postgres != null;
        }

        String jdbcUrl() {
            return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE_NAME;
        }

        String appRole() {
            return appRole;
        }

        String appPassword() {
            return appPassword;
        }

        DataSource superuserDataSource() {
            return postgres.getDatabase("postgres", DATABASE_NAME);
        }

        @Override
        public void close() throws IOException {
            if (postgres != null) {
                postgres.close();
            }
        }
    }
}
