package org.xuncha.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.SessionRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.xuncha.DemoLogins;
import org.xuncha.organization.Regions;

/** The sign-in baseline of DESIGN.md §5, through the real form, filters and session store. */
@SpringBootTest
@AutoConfigureMockMvc
class SignInTests {

    private static final String FAILED = "用户名或密码错误";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SessionRepository<?> sessions;

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
    void fiveWrongPasswordsLockTheAccountSoEvenTheRightPasswordFails() throws Exception {
        UserAccount account = accounts.create("lock", Role.OFFICE_STAFF, "睢阳区");
        for (int i = 0; i < 5; i++) {
            signIn(account.username(), "Wrong-password-" + i).andExpect(redirectedUrl("/login?error"));
        }
        assertThat(accounts.reload(account).lockedUntil()).isNotNull();

        signIn(account.username(), KnownAccounts.PASSWORD).andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void unknownUserAndWrongPasswordGetTheSameAnswer() throws Exception {
        UserAccount account = accounts.create("same", Role.OFFICE_STAFF, "睢阳区");
        MvcResult unknown =
                signIn("nobody-" + account.username(), "Wrong-password-1").andReturn();
        MvcResult wrong = signIn(account.username(), "Wrong-password-1").andReturn();

        assertThat(unknown.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        assertThat(wrong.getResponse().getRedirectedUrl())
                .isEqualTo(unknown.getResponse().getRedirectedUrl());
        String unknownPage = loginPageAfter(unknown);
        String wrongPage = loginPageAfter(wrong);
        assertThat(unknownPage).contains(FAILED);
        assertThat(notice(unknownPage)).isEqualTo(notice(wrongPage));
    }

    @Test
    void sessionIdChangesAtSignIn() throws Exception {
        UserAccount account = accounts.create("fixation", Role.OFFICE_STAFF, "睢阳区");
        MvcResult loginPage =
                mvc.perform(get("/login")).andExpect(status().isOk()).andReturn();
        Cookie before = loginPage.getResponse().getCookie("XUNCHA_SESSION");
        assertThat(before).isNotNull();
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(loginPage.getResponse().getContentAsString());
        assertThat(token.find()).isTrue();

        MvcResult signedIn = mvc.perform(post("/login")
                        .cookie(before)
                        .param("_csrf", token.group(1))
                        .param("username", account.username())
                        .param("password", KnownAccounts.PASSWORD))
                .andExpect(redirectedUrl("/"))
                .andReturn();
        Cookie after = signedIn.getResponse().getCookie("XUNCHA_SESSION");

        assertThat(after).isNotNull();
        assertThat(after.getValue()).isNotEqualTo(before.getValue());
        mvc.perform(get("/regions").cookie(before)).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/regions").cookie(after))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/regions/*"));
    }

    @Test
    void oneTimePasswordLeadsToThePasswordPageUntilChanged() throws Exception {
        UserAccount account = accounts.createWithOneTimePassword("onetime", Role.OFFICE_STAFF, "睢阳区");
        Cookie session = DemoLogins.signIn(mvc, account.username(), KnownAccounts.PASSWORD);
        for (String page : new String[] {"/", "/regions", "/localities", "/admin/users", "/audit"}) {
            mvc.perform(get(page).cookie(session)).andExpect(redirectedUrl("/account/password"));
        }
        mvc.perform(get("/account/password").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("您正在使用一次性密码")));

        mvc.perform(post("/account/password")
                        .cookie(session)
                        .with(csrf())
                        .param("currentPassword", KnownAccounts.PASSWORD)
                        .param("newPassword", "short")
                        .param("confirmPassword", "short"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("新密码至少需要 8 个字符")));
        mvc.perform(get("/regions").cookie(session)).andExpect(redirectedUrl("/account/password"));

        mvc.perform(post("/account/password")
                        .cookie(session)
                        .with(csrf())
                        .param("currentPassword", KnownAccounts.PASSWORD)
                        .param("newPassword", "Quiet-harbour-93")
                        .param("confirmPassword", "Quiet-harbour-93"))
                .andExpect(redirectedUrl("/?passwordChanged"));
        mvc.perform(get("/regions").cookie(session)).andExpect(redirectedUrlPattern("/regions/*"));
        assertThat(accounts.reload(account).mustChangePassword()).isFalse();
    }

    @Test
    void pagesCarryTheSecurityHeaders() throws Exception {
        Cookie session = DemoLogins.signIn(
                mvc, accounts.create("headers", Role.OFFICE_STAFF, "睢阳区").username(), KnownAccounts.PASSWORD);
        for (var request : new org.springframework.test.web.servlet.RequestBuilder[] {
            get("/login"), get("/localities").cookie(session)
        }) {
            mvc.perform(request)
                    .andExpect(status().isOk())
                    .andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")))
                    .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
                    .andExpect(header().string("X-Frame-Options", "DENY"))
                    .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                    .andExpect(header().string("Cache-Control", containsString("no-store")));
        }
    }

    @Test
    void postWithoutCsrfTokenIsRefused() throws Exception {
        UserAccount account = accounts.create("csrf", Role.OFFICE_STAFF, "睢阳区");
        Cookie session = DemoLogins.signIn(mvc, account.username(), KnownAccounts.PASSWORD);
        mvc.perform(post("/account/password")
                        .cookie(session)
                        .param("currentPassword", KnownAccounts.PASSWORD)
                        .param("newPassword", "Quiet-harbour-93")
                        .param("confirmPassword", "Quiet-harbour-93"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/login").param("username", account.username()).param("password", KnownAccounts.PASSWORD))
                .andExpect(status().isForbidden());
        assertThat(encoder.matches(
                        KnownAccounts.PASSWORD, accounts.reload(account).passwordHash()))
                .isTrue();
    }

    @Test
    void idleSessionsEndAfterThirtyMinutes() throws Exception {
        assertThat(sessions.createSession().getMaxInactiveInterval()).isEqualTo(Duration.ofMinutes(30));
        UserAccount account = accounts.create("idle", Role.OFFICE_STAFF, "睢阳区");
        DemoLogins.signIn(mvc, account.username(), KnownAccounts.PASSWORD);
        Integer stored = jdbc.sql("select max(max_inactive_interval) from spring_session where principal_name = :u")
                .param("u", account.username())
                .query(Integer.class)
                .single();
        assertThat(stored).isEqualTo(30 * 60);
    }

    private org.springframework.test.web.servlet.ResultActions signIn(String username, String password)
            throws Exception {
        return mvc.perform(
                post("/login").with(csrf()).param("username", username).param("password", password));
    }

    private String loginPageAfter(MvcResult failure) throws Exception {
        Cookie session = failure.getResponse().getCookie("XUNCHA_SESSION");
        var request = get(failure.getResponse().getRedirectedUrl());
        if (session != null) {
            request.cookie(session);
        }
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private static String notice(String page) {
        Matcher matcher = Pattern.compile("<div class=\"notice error\"[^>]*>([^<]*)</div>")
                .matcher(page);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }
}
