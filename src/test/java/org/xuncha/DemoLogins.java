package org.xuncha;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.springframework.core.env.Environment;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The demo accounts written on first start of a test context, and signing in as one of them through the form. */
public final class DemoLogins {

    private final Map<String, String> passwords;

    private DemoLogins(Map<String, String> passwords) {
        this.passwords = passwords;
    }

    public static DemoLogins of(Environment environment) {
        Path file = Path.of(environment.getRequiredProperty("xuncha.data-dir"), "demo-accounts.txt");
        Map<String, String> passwords = new HashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    String[] parts = line.split("\t");
                    passwords.put(parts[0], parts[1]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new DemoLogins(passwords);
    }

    public String password(String username) {
        String password = passwords.get(username);
        if (password == null) {
            throw new IllegalArgumentException("no demo account " + username);
        }
        return password;
    }

    /**
     * Signs in through the real form (Argon2, lockout, audit) and returns the session cookie (Spring Session JDBC) to
     * send with later requests: {@code mvc.perform(get(...).cookie(session))}.
     */
    public Cookie signIn(MockMvc mvc, String username) throws Exception {
        return signIn(mvc, username, password(username));
    }

    /** Signs in any account whose password the test knows, the same way. */
    public static Cookie signIn(MockMvc mvc, String username, String password) throws Exception {
        MvcResult result = mvc.perform(
                        post("/login").with(csrf()).param("username", username).param("password", password))
                .andReturn();
        if (result.getResponse().getStatus() != 302
                || result.getResponse().getRedirectedUrl().contains("error")) {
            throw new IllegalStateException("sign-in failed for " + username);
        }
        Cookie cookie = result.getResponse().getCookie("XUNCHA_SESSION");
        if (cookie == null) {
            throw new IllegalStateException("no session cookie after signing in as " + username);
        }
        return cookie;
    }
}
