package org.parley.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Per-client token buckets (Bucket4j) for reads, writes and failed logins, kept in bounded caches (Caffeine) that
 * forget clients idle for longer than a bucket takes to fill again.
 */
@ApplicationScoped
public class ClientLimits {

    /** A rate: so many per period; {@code amount} 0 is no limit. */
    public record Rate(int amount, Duration period) {

        boolean unlimited() {
            return amount <= 0;
        }

        /** The policy as the RateLimit-Policy header names it: {@code 1200;w=60}. */
        public String policy() {
            return amount + ";w=" + period.toSeconds();
        }

        Bucket bucket() {
            // refilled greedily: a token comes back every period/amount, instead of all at once at period's end
            return Bucket.builder().addLimit(limit -> limit.capacity(amount).refillGreedy(amount, period)).build();
        }
    }

    /** What a request used: whether it was allowed, what is left, and when more is available. */
    public record Use(Rate rate, boolean allowed, long remaining, long secondsToRetry, long secondsToReset) {
    }

    private final Rate reads;
    private final Rate writes;
    private final Rate failedLogins;
    private final Cache<String, Bucket> readBuckets;
    private final Cache<String, Bucket> writeBuckets;
    private final Cache<String, Bucket> loginBuckets;

    public ClientLimits(LimitsConfig config) {
        this.reads = new Rate(config.readsPerMinute(), Duration.ofMinutes(1));
        this.writes = new Rate(config.writesPerMinute(), Duration.ofMinutes(1));
        this.failedLogins = new Rate(config.failedLogins(), config.failedLoginWindow());
        this.readBuckets = cache(config.clients(), reads);
        this.writeBuckets = cache(config.clients(), writes);
        this.loginBuckets = cache(config.clients(), failedLogins);
    }

    private static Cache<String, Bucket> cache(int clients, Rate rate) {
        // a bucket idle for a whole period is full again: forgetting it then changes nothing
        return Caffeine.newBuilder().maximumSize(clients).expireAfterAccess(rate.period()).build();
    }

    /** Takes one read (or write) of the client's allowance; null when there is no limit. */
    public Use use(String client, boolean write) {
        Rate rate = write ? writes : reads;
        if (rate.unlimited()) {
            return null;
        }
        Bucket bucket = (write ? writeBuckets : readBuckets).get(client, key -> rate.bucket());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return new Use(rate, probe.isConsumed(), probe.getRemainingTokens(), seconds(probe.getNanosToWaitForRefill()),
                seconds(probe.getNanosToWaitForReset()));
    }

    /** Counts a failed login of the client. */
    public void loginFailed(String client) {
        if (!failedLogins.unlimited()) {
            loginBuckets.get(client, key -> failedLogins.bucket()).tryConsume(1);
        }
    }

    /** Seconds until the client may try to log in again, or 0 when it may now. */
    public long secondsLockedOut(String client) {
        Bucket bucket = failedLogins.unlimited() ? null : loginBuckets.getIfPresent(client);
        if (bucket == null || bucket.getAvailableTokens() > 0) {
            return 0;
        }
        return Math.max(1, seconds(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill()));
    }

    /** Whole seconds, rounded up, as Retry-After and RateLimit-Reset give them. */
    private static long seconds(long nanos) {
        return (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
    }
}
