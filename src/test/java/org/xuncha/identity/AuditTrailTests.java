package org.xuncha.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.xuncha.DemoLogins;
import org.xuncha.organization.Regions;

/** Sign-in, failed sign-in, lockout, sign-out, denial and account changes each leave a row in the audit log. */
@SpringBootTest
@AutoConfigureMockMvc
class AuditTrailTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Environment environment;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserAccounts userAccounts;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    Regions regions;

    KnownAccounts accounts;

    @BeforeEach
    void accounts() {
        accounts = new KnownAccounts(userAccounts, encoder, regions);
    }

    @Test
    void signInAndSignOutAreAudited() throws Exception {
        UserAccount account = accounts.create("trail", Role.OFFICE_STAFF, "睢阳区");
        Cookie session = DemoLogins.signIn(mvc, account.username(), KnownAccounts.PASSWORD);
        assertThat(rows(account.username(), "SIGN_IN", "SUCCESS")).isEqualTo(1);
        assertThat(jdbc.sql("select actor_role from audit.audit_event where actor = :u and action = 'SIGN_IN'")
                        .param("u", account.username())
                        .query(String.class)
                        .single())
                .isEqualTo("OFFICE_STAFF");

        mvc.perform(post("/logout").cookie(session).with(csrf())).andExpect(redirectedUrl("/login?logout"));
        assertThat(rows(account.username(), "SIGN_OUT", "SUCCESS")).isEqualTo(1);
    }

    @Test
    void failedSignInsAndTheLockoutAreAudited() throws Exception {
        UserAccount account = accounts.create("trailfail", Role.OFFICE_STAFF, "睢阳区");
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/login")
                            .with(csrf())
                            .param("username", account.username())
                            .param("password", "nope-" + i))
                    .andExpect(redirectedUrl("/login?error"));
        }
        assertThat(rows(account.username(), "SIGN_IN_FAILED", "FAILURE")).isEqualTo(5);
        assertThat(rows(account.username(), "ACCOUNT_LOCKED", "SUCCESS")).isEqualTo(1);

        mvc.perform(post("/login")
                        .with(csrf())
                        .param("username", account.username())
                        .param("password", KnownAccounts.PASSWORD))
                .andExpect(redirectedUrl("/login?error"));
        assertThat(jdbc.sql("select detail from audit.audit_event where actor = :u and action = 'SIGN_IN_FAILED'"
                                + " order by id desc limit 1")
                        .param("u", account.username())
                        .query(String.class)
                        .single())
                .isEqualTo("LockedException");
    }

    @Test
    void deniedRequestsAreAudited() throws Exception {
        UserAccount account = accounts.create("traildeny", Role.GROUP_MEMBER, "坞墙镇");
        Cookie session = DemoLogins.signIn(mvc, account.username(), KnownAccounts.PASSWORD);
        mvc.perform(get("/audit").cookie(session)).andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from audit.audit_event where actor = :u and action = 'ACCESS_DENIED'"
                                + " and outcome = 'DENIED' and object_id = 'GET /audit'")
                        .param("u", account.username())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void accountChangesAreAuditedWithTheActorAndTheAccount() throws Exception {
        UserAccount account = accounts.create("trailchange", Role.OFFICE_STAFF, "睢阳区");
        Cookie sysadmin = DemoLogins.of(environment).signIn(mvc, "sysadmin");
        mvc.perform(post("/admin/users/{id}/disable", account.id())
                        .cookie(sysadmin)
                        .with(csrf())
                        .param("version", String.valueOf(account.version())))
                .andExpect(redirectedUrl("/admin/users"));
        assertThat(jdbc.sql("""
                        select count(*) from audit.audit_event where actor = 'sysadmin' and actor_role = 'SYSTEM_ADMIN'
                          and action = 'ACCOUNT_DISABLED' and object_type = 'UserAccount' and object_id = :id
                          and detail like '%' || :u || '%'
                        """)
                        .param("id", String.valueOf(account.id()))
                        .param("u", account.username())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    private long rows(String actor, String action, String outcome) {
        return jdbc.sql("select count(*) from audit.audit_event where actor = :actor and action = :action"
                        + " and outcome = :outcome")
                .param("actor", actor)
                .param("action", action)
                .param("outcome", outcome)
                .query(Long.class)
                .single();
    }
}
