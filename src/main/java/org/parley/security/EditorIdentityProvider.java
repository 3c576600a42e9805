package org.parley.security;

import io.quarkus.runtime.Startup;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.jboss.logging.Logger;

/**
 * Checks HTTP Basic credentials against the one editor account of the configuration.
 *
 * <p>Written by hand because the account's name and password come from the environment at run time, and a password
 * must be generated when none is set; Quarkus' embedded users realm fixes user names in property keys and has no
 * generated password. In production, editors may instead bring bearer JWTs (quarkus-smallrye-jwt, see
 * application.properties).
 */
@Startup
@ApplicationScoped
public class EditorIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private static final Logger LOG = Logger.getLogger(EditorIdentityProvider.class);

    private final String user;
    private final byte[] password;

    public EditorIdentityProvider(EditorConfig config) {
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

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        byte[] given = new String(request.getPassword().getPassword()).getBytes(StandardCharsets.UTF_8);
        boolean passwordMatches = MessageDigest.isEqual(password, given);
        if (!user.equals(request.getUsername()) || !passwordMatches) {
            return Uni.createFrom().failure(new AuthenticationFailedException());
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(user))
                .addRole(Roles.EDITOR)
                .build());
    }
}
