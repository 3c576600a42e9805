package org.parley.security;

import io.quarkus.runtime.Startup;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.jboss.logging.Logger;

/**
 * The editor account of the configuration ({@link EditorConfig}): the bootstrap administrator, who may write and
 * manage the curators' accounts kept in the database. Its password comes from the environment, or is generated at
 * start and logged once.
 */
@Startup
@ApplicationScoped
public class EditorAccount {

    private static final Logger LOG = Logger.getLogger(EditorAccount.class);

    private final String user;
    private final byte[] password;

    public EditorAccount(EditorConfig config) {
        this.user = config.user();
        String configured = config.password().filter(p -> !p.isBlank()).orElse(null);
        if (configured == null) {
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            configured = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            LOG.warnf("PARLEY_EDITOR_PASSWORD is not set: user '%s' has the generated password %s (valid until restart)",
                    user, configured);
        }
        this.password = configured.getBytes(StandardCharsets.UTF_8);
    }

    /** The account's user name, which no account in the database may take. */
    public String user() {
        return user;
    }

    /** Whether this is the password, compared in constant time. */
    boolean passwordMatches(char[] given) {
        return MessageDigest.isEqual(password, new String(given).getBytes(StandardCharsets.UTF_8));
    }

    /** The identity of the account once signed in: an editor and administrator. */
    SecurityIdentity identity() {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(user))
                .addRole(Roles.EDITOR)
                .addRole(Roles.ADMIN)
                .build();
    }
}
