package org.xuncha.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lockout rule of the security baseline: five failures in a row lock the account for 30 minutes. */
class UserAccountTests {

    private static final Instant NOW = Instant.parse("2019-06-01T08:00:00Z");

    private final UserAccount account = UserAccount.create("liaison", "坞墙镇联络员", "{argon2}hash", false);

    @Test
    void fourFailuresDoNotLock() {
        for (int i = 0; i < 4; i++) {
            assertThat(account.recordFailedSignIn(NOW)).isFalse();
        }

        assertThat(account.isLockedAt(NOW)).isFalse();
        assertThat(account.failedAttempts()).isEqualTo(4);
    }

    @Test
    void theFifthFailureLocksForThirtyMinutes() {
        failTimes(4);

        assertThat(account.recordFailedSignIn(NOW)).isTrue();

        assertThat(account.lockedUntil()).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
        assertThat(account.isLockedAt(NOW)).isTrue();
        assertThat(account.isLockedAt(NOW.plus(Duration.ofMinutes(29)).plusSeconds(59)))
                .isTrue();
        assertThat(account.isLockedAt(NOW.plus(Duration.ofMinutes(30)))).isFalse();
    }

    @Test
    void aSuccessfulSignInResetsTheCount() {
        failTimes(4);

        account.recordSuccessfulSignIn();
        failTimes(4);

        assertThat(account.failedAttempts()).isEqualTo(4);
        assertThat(account.isLockedAt(NOW)).isFalse();
    }

    @Test
    void failuresWhileLockedAreNotCountedAndDoNotExtendTheLock() {
        failTimes(5);
        Instant lockedUntil = account.lockedUntil();

        for (int i = 0; i < 10; i++) {
            assertThat(account.recordFailedSignIn(NOW.plus(Duration.ofMinutes(i))))
                    .isFalse();
        }

        assertThat(account.failedAttempts()).isZero();
        assertThat(account.lockedUntil()).isEqualTo(lockedUntil);
    }

    @Test
    void afterTheLockExpiresFiveNewFailuresAreNeededToLockAgain() {
        failTimes(5);
        Instant later = NOW.plus(Duration.ofMinutes(31));

        for (int i = 0; i < 4; i++) {
            assertThat(account.recordFailedSignIn(later)).isFalse();
        }

        assertThat(account.isLockedAt(later)).isFalse();
        assertThat(account.recordFailedSignIn(later)).isTrue();
    }

    @Test
    void anAdministratorsResetUnlocksAndForcesAChange() {
        failTimes(5);

        account.resetPassword("{argon2}one-time");

        assertThat(account.isLockedAt(NOW)).isFalse();
        assertThat(account.failedAttempts()).isZero();
        assertThat(account.mustChangePassword()).isTrue();
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

    private void failTimes(int times) {
        for (int i = 0; i < times; i++) {
            account.recordFailedSignIn(NOW);
        }
    }
}
