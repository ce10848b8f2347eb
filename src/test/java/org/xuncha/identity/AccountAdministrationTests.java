package org.xuncha.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

/**
 * The 三员分立 account pages: the system admin creates, resets, disables and enables accounts; the security admin
 * assigns role and scope. Each change is audited and ends the user's live sessions; a stale form gets the 409 page.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AccountAdministrationTests {

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
    Cookie sysadmin;
    Cookie secadmin;

    @BeforeEach
    void signInAdministrators() throws Exception {
        accounts = new KnownAccounts(userAccounts, encoder, regions);
        sysadmin = DemoLogins.of(environment).signIn(mvc, "sysadmin");
        secadmin = DemoLogins.of(environment).signIn(mvc, "secadmin");
    }

    @Test
    void systemAdminCreatesAnAccountAndSeesItsOneTimePasswordOnce() throws Exception {
        String username = "gaofeng" + System.nanoTime() % 100_000;
        String page = mvc.perform(post("/admin/users")
                        .cookie(sysadmin)
                        .with(csrf())
                        .param("username", username)
                        .param("displayName", "冯桥镇联络员 高峰"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("此密码只显示这一次")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String password = oneTimePassword(page);

        UserAccount created = userAccounts.findByUsername(username).orElseThrow();
        assertThat(created.mustChangePassword()).isTrue();
        assertThat(created.role()).isNull();
        assertThat(created.passwordHash()).doesNotContain(password);
        mvc.perform(get("/admin/users").cookie(sysadmin))
                .andExpect(content().string(containsString(username)))
                .andExpect(content().string(not(containsString(password))));
        assertThat(auditRows(created, "CREATE")).isEqualTo(1);

        Cookie newUser = DemoLogins.signIn(mvc, username, password);
        mvc.perform(get("/").cookie(newUser)).andExpect(redirectedUrl("/account/password"));
    }

    @Test
    void newAccountFormShowsErrorsNextToTheFields() throws Exception {
        mvc.perform(post("/admin/users")
                        .cookie(sysadmin)
                        .with(csrf())
                        .param("username", "Office Staff")
                        .param("displayName", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("用户名须为 3～32 位小写字母")))
                .andExpect(content().string(containsString("请填写姓名")));
        mvc.perform(post("/admin/users")
                        .cookie(sysadmin)
                        .with(csrf())
                        .param("username", "office")
                        .param("displayName", "重名"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("该用户名已被使用")));
    }

    @Test
    void disablingEndsTheUsersLiveSessionsAtOnce() throws Exception {
        UserAccount account = accounts.create("disable", Role.OFFICE_STAFF, "睢阳区");
        Cookie live = DemoLogins.signIn(mvc, account.username(), KnownAccounts.PASSWORD);
        mvc.perform(get("/localities").cookie(live)).andExpect(status().isOk());

        mvc.perform(post("/admin/users/{id}/disable", account.id())
                        .cookie(sysadmin)
                        .with(csrf())
                        .param("version", String.valueOf(account.version())))
                .andExpect(redirectedUrl("/admin/users"));

        mvc.perform(get("/localities").cookie(live)).andExpect(redirectedUrl("/login"));
        mvc.perform(post("/login")
                        .with(csrf())
                        .param("username", account.username())
                        .param("password", KnownAccounts.PASSWORD))
                .andExpect(redirectedUrl("/login?error"));
        assertThat(accounts.reload(account).enabled()).isFalse();
        assertThat(auditRows(account, "ACCOUNT_DISABLED")).isEqualTo(1);
        assertThat(auditRows(account, "SESSIONS_REVOKED")).isEqualTo(1);

        mvc.perform(post("/admin/users/{id}/enable", account.id())
                        .cookie(sysadmin)
                        .with(csrf())
                        .param(
                                "version",
                                String.valueOf(accounts.reload(account).version())))
                .andExpect(redirectedUrl("/admin/users"));
        DemoLogins.signIn(mvc, account.username(), KnownAccounts.PASSWORD);
        assertThat(auditRows(account, "ACCOUNT_ENABLED")).isEqualTo(1);
    }

    @Test
    void resetPasswordEndsSessionsAndIssuesAnotherOneTimePassword() throws Exception {
        UserAccount account = accounts.create("reset", Role.OFFICE_STAFF, "睢阳区");
        Cookie live = DemoLogins.signIn(mvc, account.username(), KnownAccounts.PASSWORD);

        String page = mvc.perform(post("/admin/users/{id}/password", account.id())
                        .cookie(sysadmin)
                        .with(csrf())
                        .param("version", String.valueOf(account.version())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("密码已重置")))
                .andReturn()
                .getResponse()
                .getContentAsString();

        mvc.perform(get("/localities").cookie(live)).andExpect(redirectedUrl("/login"));
        Cookie again = DemoLogins.signIn(mvc, account.username(), oneTimePassword(page));
        mvc.perform(get("/localities").cookie(again)).andExpect(redirectedUrl("/account/password"));
        assertThat(auditRows(account, "PASSWORD_RESET")).isEqualTo(1);
    }

    @Test
    void staleFormGetsTheConflictPage() throws Exception {
        UserAccount account = accounts.create("stale", Role.OFFICE_STAFF, "睢阳区");
        mvc.perform(post("/admin/users/{id}/disable", account.id())
                        .cookie(sysadmin)
                        .with(csrf())
                        .param("version", String.valueOf(account.version())))
                .andExpect(redirectedUrl("/admin/users"));

        mvc.perform(post("/admin/users/{id}/enable", account.id())
                        .cookie(sysadmin)
                        .with(csrf())
                        .param("version", String.valueOf(account.version())))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("记录已被他人修改")));
        mvc.perform(post("/security/users/{id}", account.id())
                        .cookie(secadmin)
                        .with(csrf())
                        .param("role", "LEADER")
                        .param("regionIds", String.valueOf(accounts.regionId("睢阳区")))
                        .param("version", String.valueOf(account.version())))
                .andExpect(status().isConflict());
        assertThat(accounts.reload(account).enabled()).isFalse();
        assertThat(accounts.reload(account).role()).isEqualTo(Role.OFFICE_STAFF);
    }

    @Test
    void systemAdminCannotDisableOrResetThemselves() throws Exception {
        UserAccount me = userAccounts.findByUsername("sysadmin").orElseThrow();
        mvc.perform(post("/admin/users/{id}/disable", me.id())
                        .cookie(sysadmin)
                        .with(csrf())
                        .param("version", String.valueOf(me.version())))
                .andExpect(redirectedUrl("/admin/users"));
        assertThat(accounts.reload(me).enabled()).isTrue();
        mvc.perform(get("/admin/users").cookie(sysadmin)).andExpect(status().isOk());
    }

    @Test
    void securityAdminAssignsRoleAndScopeAndTheUsersSessionsEnd() throws Exception {
        UserAccount account = accounts.create("assign", Role.OFFICE_STAFF, "睢阳区");
        Cookie live = DemoLogins.signIn(mvc, account.username(), KnownAccounts.PASSWORD);
        long fengqiao = accounts.regionId("冯桥镇");

        mvc.perform(get("/security/users/{id}", account.id()).cookie(secadmin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("冯桥镇")));
        mvc.perform(post("/security/users/{id}", account.id())
                        .cookie(secadmin)
                        .with(csrf())
                        .param("role", "TOWNSHIP_LIAISON")
                        .param("regionIds", String.valueOf(fengqiao))
                        .param("version", String.valueOf(account.version())))
                .andExpect(redirectedUrl("/security/users"));

        UserAccount assigned = accounts.reload(account);
        assertThat(assigned.role()).isEqualTo(Role.TOWNSHIP_LIAISON);
        assertThat(assigned.scopeRegionIds()).containsExactly(fengqiao);
        mvc.perform(get("/localities").cookie(live)).andExpect(redirectedUrl("/login"));
        Cookie again = DemoLogins.signIn(mvc, account.username(), KnownAccounts.PASSWORD);
        mvc.perform(get("/regions").cookie(again)).andExpect(redirectedUrl("/regions/" + fengqiao));
        mvc.perform(get("/regions/" + accounts.regionId("睢阳区")).cookie(again)).andExpect(status().isNotFound());
        assertThat(auditRows(account, "ROLE_ASSIGNED")).isEqualTo(1);
        assertThat(jdbc.sql("select detail from audit.audit_event where action = 'ROLE_ASSIGNED' and object_id = :id")
                        .param("id", String.valueOf(account.id()))
                        .query(String.class)
                        .single())
                .contains("OFFICE_STAFF", "TOWNSHIP_LIAISON", "冯桥镇");
    }

    @Test
    void scopeMustFitTheRole() throws Exception {
        UserAccount account = accounts.create("scope", null);
        mvc.perform(post("/security/users/{id}", account.id())
                        .cookie(secadmin)
                        .with(csrf())
                        .param("role", "TOWNSHIP_LIAISON")
                        .param("version", String.valueOf(account.version())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("该角色必须选择至少一个区域")));
        mvc.perform(post("/security/users/{id}", account.id())
                        .cookie(secadmin)
                        .with(csrf())
                        .param("role", "LEAD_RECEIVER")
                        .param("version", String.valueOf(account.version())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("线索承办单位角色必须选择承办单位")));
        long locality = jdbc.sql("select id from organization.region where level = 'LOCALITY' limit 1")
                .query(Long.class)
                .single();
        mvc.perform(post("/security/users/{id}", account.id())
                        .cookie(secadmin)
                        .with(csrf())
                        .param("role", "GROUP_MEMBER")
                        .param("regionIds", String.valueOf(locality))
                        .param("version", String.valueOf(account.version())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("所选区域不存在或不能作为数据范围")));
        mvc.perform(post("/security/users/{id}", account.id())
                        .cookie(secadmin)
                        .with(csrf())
                        .param("version", String.valueOf(account.version())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请选择角色")));
        assertThat(accounts.reload(account).role()).isNull();

        mvc.perform(post("/security/users/{id}", account.id())
                        .cookie(secadmin)
                        .with(csrf())
                        .param("role", "LEAD_RECEIVER")
                        .param("body", "ORGANIZATION_DEPARTMENT")
                        .param("regionIds", String.valueOf(accounts.regionId("睢阳区")))
                        .param("version", String.valueOf(account.version())))
                .andExpect(redirectedUrl("/security/users"));
        UserAccount receiver = accounts.reload(account);
        assertThat(receiver.receivingBody()).isEqualTo(ReceivingBody.ORGANIZATION_DEPARTMENT);
        assertThat(receiver.scopeRegionIds()).isEmpty();
    }

    @Test
    void securityAdminCannotChangeTheirOwnRole() throws Exception {
        UserAccount me = userAccounts.findByUsername("secadmin").orElseThrow();
        long before = auditRows(me, "ROLE_ASSIGNED");
        mvc.perform(post("/security/users/{id}", me.id())
                        .cookie(secadmin)
                        .with(csrf())
                        .param("role", "SYSTEM_ADMIN")
                        .param("version", String.valueOf(me.version())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("不能修改自己的角色或数据范围")));
        mvc.perform(post("/security/users/{id}", me.id())
                        .cookie(secadmin)
                        .with(csrf())
                        .param("role", "OFFICE_DIRECTOR")
                        .param("regionIds", String.valueOf(accounts.regionId("睢阳区")))
                        .param("version", String.valueOf(me.version())))
                .andExpect(status().isOk());
        assertThat(accounts.reload(me).role()).isEqualTo(Role.SECURITY_ADMIN);
        assertThat(jdbc.sql("select count(*) from audit.audit_event where action = 'ROLE_ASSIGNED'"
                                + " and object_id = :id and outcome = 'DENIED'")
                        .param("id", String.valueOf(me.id()))
                        .query(Long.class)
                        .single())
                .isEqualTo(before + 2);
    }

    @Test
    void listsShowWhatEachAdministratorManages() throws Exception {
        mvc.perform(get("/admin/users").cookie(sysadmin).param("q", "group"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("groupleader")))
                .andExpect(content().string(containsString("锁定至")))
                .andExpect(content().string(not(containsString("<th>数据范围</th>"))));
        mvc.perform(get("/admin/users").cookie(sysadmin).param("q", "sysadmin"))
                .andExpect(content().string(containsString("本人账户")))
                .andExpect(content().string(not(containsString("/disable"))));
        mvc.perform(get("/security/users").cookie(secadmin).param("q", "supervisor"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("坞墙镇")))
                .andExpect(content().string(containsString("冯桥镇")))
                .andExpect(content().string(containsString("闫集镇")))
                .andExpect(content().string(not(containsString("groupleader"))));
        for (String page : List.of("/admin/users", "/security/users")) {
            mvc.perform(get(page)
                            .cookie(page.startsWith("/admin") ? sysadmin : secadmin)
                            .param("q", "%"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("共 0 个账户")));
        }
    }

    private long auditRows(UserAccount account, String action) {
        return jdbc.sql("select count(*) from audit.audit_event where object_type = 'UserAccount' and object_id = :id"
                        + " and action = :action")
                .param("id", String.valueOf(account.id()))
                .param("action", action)
                .query(Long.class)
                .single();
    }

    private static String oneTimePassword(String page) {
        Matcher matcher =
                Pattern.compile("data-testid=\"one-time-password\">([^<]+)<").matcher(page);
        assertThat(matcher.find()).as("one-time password on the page").isTrue();
        return matcher.group(1);
    }
}
