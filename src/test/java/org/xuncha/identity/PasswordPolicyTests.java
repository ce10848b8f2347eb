package org.xuncha.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The password rule of DESIGN.md §5: long enough, not common, not the username; generated passwords obey it. */
class PasswordPolicyTests {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void refusesPasswordsShorterThanEightCharacters() {
        assertThat(policy.violation("zhangsan", "Xk7#pq2")).contains("password.tooShort");
        assertThat(policy.violation("zhangsan", "Xk7#pq2m")).isEmpty();
    }

    @Test
    void refusesCommonPasswordsWhateverTheirCase() {
        assertThat(policy.violation("zhangsan", "password")).contains("password.common");
        assertThat(policy.violation("zhangsan", "PassWord")).contains("password.common");
        assertThat(policy.violation("zhangsan", "12345678")).contains("password.common");
        assertThat(policy.violation("zhangsan", "aaaaaaaaaa")).contains("password.common");
    }

    @Test
    void refusesPasswordsContainingTheUsername() {
        assertThat(policy.violation("zhangsan", "my-ZhangSan-2024")).contains("password.containsUsername");
        assertThat(policy.violation("zhangsan", "my-lisi-2024-x")).isEmpty();
    }

    @Test
    void refusesOverlongPasswords() {
        assertThat(policy.violation("zhangsan", "Ab3-".repeat(33))).contains("password.tooLong");
    }

    @Test
    void generatedPasswordsPassThePolicyAndDiffer() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String generated = policy.generate();
            assertThat(policy.violation("zhangsan", generated)).isEmpty();
            assertThat(generated).hasSize(14).doesNotContain("0", "O", "1", "l", "I");
            seen.add(generated);
        }
        assertThat(seen).hasSize(200);
    }
}
