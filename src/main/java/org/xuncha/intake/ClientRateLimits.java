package org.xuncha.intake;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Per-client limits of the public page (限流): a token bucket per client for submissions and one for receipt-code
 * look-ups, kept in memory only. A client is known by a salted digest of its address; the address itself is neither
 * kept here nor stored with a report, and the salt changes at every start.
 */
@Component
class ClientRateLimits {

    /** What is limited. */
    enum Kind {
        SUBMISSION,
        LOOKUP
    }

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(200_000)
            .expireAfterAccess(Duration.ofHours(2))
            .build();
    private final byte[] salt = new byte[16];
    private final int submissionsPerHour;
    private final int lookupsPerHour;
    private final Clock clock;

    ClientRateLimits(
            @Value("${xuncha.intake.submissions-per-hour:10}") int submissionsPerHour,
            @Value("${xuncha.intake.lookups-per-hour:30}") int lookupsPerHour,
            Clock clock) {
        this.submissionsPerHour = submissionsPerHour;
        this.lookupsPerHour = lookupsPerHour;
        this.clock = clock;
        new SecureRandom().nextBytes(salt);
    }

    /** Takes one request from the client's bucket; false when the bucket is empty. */
    boolean tryTake(Kind kind, String clientAddress) {
        int perHour = kind == Kind.SUBMISSION ? submissionsPerHour : lookupsPerHour;
        Bucket bucket = buckets.get(kind.name() + ":" + digest(clientAddress), k -> new Bucket(perHour, now()));
        return bucket.tryTake(now());
    }

    /** Seconds until a client whose bucket is empty may try again. */
    long retryAfterSeconds(Kind kind) {
        int perHour = kind == Kind.SUBMISSION ? submissionsPerHour : lookupsPerHour;
        return Math.max(1, 3600 / Math.max(1, perHour));
    }

    private long now() {
        return clock.millis();
    }

    private String digest(String address) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            return HexFormat.of().formatHex(sha.digest(address.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token bucket holding up to {@code perHour} tokens, refilled evenly over the hour. */
    static final class Bucket {

        private final int capacity;
        private final double perMilli;
        private double tokens;
        private long last;

        Bucket(int perHour, long now) {
            this.capacity = perHour;
            this.perMilli = perHour / 3_600_000.0;
            this.tokens = perHour;
            this.last = now;
        }

        synchronized boolean tryTake(long now) {
            tokens = Math.min(capacity, tokens + Math.max(0, now - last) * perMilli);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }
    }
}
