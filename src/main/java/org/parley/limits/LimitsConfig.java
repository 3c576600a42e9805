package org.parley.limits;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The limits that protect the service (environment variables {@code PARLEY_LIMITS_...}). A client is the address
 * the request comes from: the proxy's client address when Quarkus trusts forwarding headers
 * ({@code QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING}), else the connection's. Each instance counts on its own.
 */
@ConfigMapping(prefix = "parley.limits")
public interface LimitsConfig {

    /** Reads (GET, HEAD) of the API a client may make per minute, in bursts of as many; 0 for no limit. */
    @WithDefault("1200")
    int readsPerMinute();

    /** Writes (POST, PUT, PATCH, DELETE) of the API a client may make per minute; 0 for no limit. */
    @WithDefault("120")
    int writesPerMinute();

    /**
     * Failed logins (a wrong password or a bad token) a client may make per {@link #failedLoginWindow()}; once they
     * are used up, its requests with credentials are refused (429) until the window gives one back; 0 for no limit.
     */
    @WithDefault("10")
    int failedLogins();

    /** The window over which {@link #failedLogins()} are counted, and given back one by one. */
    @WithDefault("10M")
    Duration failedLoginWindow();

    /** The most clients counted at once; the least recently seen are forgotten first. */
    @WithDefault("100000")
    int clients();

    /** The most bytes of request headers (names and values); more is a 431 problem. */
    @WithDefault("16K")
    MemorySize maxHeaderSize();

    /** The most characters of a query string; more is a 414 problem. */
    @WithDefault("8192")
    int maxQueryLength();

    /**
     * Browser origins (such as {@code https://app.example.org}) from which writes are accepted, besides the API's own
     * origin: a write, or the preflight of one, from any other {@code Origin} is a 403 problem. Reading origins are
     * {@code quarkus.http.cors.origins}.
     */
    Optional<List<String>> writeOrigins();
}
