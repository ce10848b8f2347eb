package org.xuncha.identity;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.env.Environment;
import org.springframework.test.web.servlet.MockMvc;
import org.xuncha.DemoLogins;

/**
 * 三员分立: the system admin, the security admin and the audit admin each reach only their own pages and no business
 * data; business roles reach none of the administrators' pages.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeparationOfDutiesTests {

    private final Map<String, Cookie> sessions = new HashMap<>();

    @Autowired
    MockMvc mvc;

    @Autowired
    Environment environment;

    @ParameterizedTest(name = "{0} may not open {1}")
    @CsvSource({
        "sysadmin, /regions",
        "sysadmin, /localities",
        "sysadmin, /audit",
        "sysadmin, /security/users",
        "sysadmin, /audit/export",
        "secadmin, /admin/users",
        "secadmin, /audit",
        "secadmin, /regions",
        "secadmin, /localities",
        "auditor, /regions",
        "auditor, /localities",
        "auditor, /admin/users",
        "auditor, /security/users",
        "office, /admin/users",
        "office, /security/users",
        "office, /audit",
        "director, /admin/users",
        "director, /security/users",
        "director, /audit",
        "director, /audit/export",
        "groupleader, /admin/users",
        "groupmember, /security/users",
        "liaison, /audit",
        "supervisor, /admin/users",
        "receiver, /security/users",
        "receiver, /regions",
        "leader, /audit"
    })
    void isRefused(String username, String path) throws Exception {
        mvc.perform(get(path).cookie(session(username))).andExpect(status().isForbidden());
    }

    @ParameterizedTest(name = "{0} may not post to {1}")
    @CsvSource({
        "secadmin, /admin/users", "auditor, /admin/users", "office, /admin/users",
        "sysadmin, /security/users/4", "auditor, /security/users/4", "director, /security/users/4",
        "sysadmin, /audit/verify", "secadmin, /audit/verify", "office, /audit/verify"
    })
    void isRefusedChanges(String username, String path) throws Exception {
        mvc.perform(post(path)
                        .cookie(session(username))
                        .with(csrf())
                        .param("username", "intruder")
                        .param("displayName", "越权")
                        .param("role", "OFFICE_DIRECTOR")
                        .param("version", "0"))
                .andExpect(status().isForbidden());
    }

    @ParameterizedTest(name = "{0} may open {1}")
    @CsvSource({
        "sysadmin, /admin/users",
        "secadmin, /security/users",
        "auditor, /audit",
        "office, /localities",
        "leader, /localities"
    })
    void reachesOwnPages(String username, String path) throws Exception {
        mvc.perform(get(path).cookie(session(username))).andExpect(status().isOk());
    }

    private Cookie session(String username) throws Exception {
        Cookie cookie = sessions.get(username);
        if (cookie == null) {
            cookie = DemoLogins.of(environment).signIn(mvc, username);
            sessions.put(username, cookie);
        }
        return cookie;
    }
}
