package org.parley.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Checks a user name and password (HTTP Basic, or the sign-in form) against the editor account of the configuration.
 * Another user name is left to the next provider, the curators' accounts in the database (quarkus-security-jpa):
 * this one comes first, so the configuration's account cannot be shadowed by a stored one.
 *
 * <p>Written by hand because the account's name and password come from the environment at run time, and a password
 * must be generated when none is set; Quarkus' embedded users realm fixes user names in property keys and has no
 * generated password. In production, editors may instead bring bearer JWTs (quarkus-smallrye-jwt, see
 * application.properties).
 */
@ApplicationScoped
public class EditorIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    /** Before the database's accounts, whose providers have the default priority ({@code SYSTEM_FIRST + 1}). */
    static final int PRIORITY = SYSTEM_FIRST + 100;

    private final EditorAccount account;

    public EditorIdentityProvider(EditorAccount account) {
        this.account = account;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        if (!account.user().equals(request.getUsername())) {
            return Uni.createFrom().nullItem(); // not this account: the next provider's
        }
        if (!account.passwordMatches(request.getPassword().getPassword())) {
            return Uni.createFrom().failure(new AuthenticationFailedException());
        }
        return Uni.createFrom().item(account.identity());
    }
}
