package org.xuncha.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The account's own rules: lockout after five failures for 30 minutes, one-time passwords, one role with its scope. */
class UserAccountTests {

    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

    private final UserAccount account = UserAccount.create("zhangsan", "张三", "hash", false);

    @Test
    void fifthFailureInARowLocksForThirtyMinutes() {
        for (int i = 1; i < UserAccount.MAX_FAILED_ATTEMPTS; i++) {
            assertThat(account.recordFailedSignIn(NOW.plusSeconds(i))).isFalse();
            assertThat(account.isLockedAt(NOW.plusSeconds(i))).isFalse();
        }
        assertThat(account.recordFailedSignIn(NOW.plusSeconds(5))).isTrue();
        assertThat(account.isLockedAt(NOW.plusSeconds(6))).isTrue();
        assertThat(account.isLockedAt(NOW.plusSeconds(5).plus(Duration.ofMinutes(30)).minusSeconds(1))).isTrue();
        assertThat(account.isLockedAt(NOW.plusSeconds(5).plus(Duration.ofMinutes(30)))).isFalse();
    }

    @Test
    void successfulSignInForgetsEarlierFailures() {
        for (int i = 0; i < 4; i++) {
            account.recordFailedSignIn(NOW);
        }
        account.recordSuccessfulSignIn();
        assertThat(account.recordFailedSignIn(NOW)).isFalse();
        assertThat(account.failedAttempts()).isEqualTo(1);
    }

    @Test
    void resetPasswordIsOneTimeAndLiftsTheLock() {
        for (int i = 0; i < 5; i++) {
            account.recordFailedSignIn(NOW);
        }
        account.resetPassword("new-hash");
        assertThat(account.mustChangePassword()).isTrue();
        assertThat(account.isLockedAt(NOW)).isFalse();
        account.changePassword("own-hash");
        assertThat(account.mustChangePassword()).isFalse();
    }

    @Test
    void regionRolesNeedRegionsAndLeadReceiversNeedABody() {
        assertThatThrownBy(() -> account.assign(Role.TOWNSHIP_LIAISON, List.of(), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> account.assign(Role.LEAD_RECEIVER, List.of(), null))
                .isInstanceOf(IllegalArgumentException.class);
        account.assign(Role.AUDIT_ADMIN, List.of(7L), ReceivingBody.DISCIPLINE_COMMISSION);
        assertThat(account.scopeRegionIds()).isEmpty();
        assertThat(account.receivingBody()).isNull();
    }
}
