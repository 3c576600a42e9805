package org.parley.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * A key for the session cookie of the sign-in form when none is configured: random, drawn once per process and never
 * logged (Quarkus would draw one too, and write it to the log). Sessions then end with the process, and do not carry
 * over between instances: set {@code QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY} to keep them. The lowest of the
 * configuration sources, so that any other that sets the key wins.
 */
public class SessionKeySource implements ConfigSource {

    static final String KEY = "quarkus.http.auth.session.encryption-key";

    private static final String GENERATED = generate();

    private static String generate() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of(KEY, GENERATED);
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(KEY);
    }

    @Override
    public String getValue(String propertyName) {
        return KEY.equals(propertyName) ? GENERATED : null;
    }

    @Override
    public String getName() {
        return "parley-generated-session-key";
    }

    @Override
    public int getOrdinal() {
        return 1;
    }
}
