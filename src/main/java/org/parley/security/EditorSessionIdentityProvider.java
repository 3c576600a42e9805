package org.parley.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Restores the configuration's editor from the session cookie of the sign-in form: the cookie, encrypted by Quarkus,
 * names the user who signed in. Another user is left to the next provider, the curators' accounts in the database.
 */
@ApplicationScoped
public class EditorSessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    private final EditorAccount account;

    public EditorSessionIdentityProvider(EditorAccount account) {
        this.account = account;
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return EditorIdentityProvider.PRIORITY;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request,
            AuthenticationRequestContext context) {
        return account.user().equals(request.getPrincipal()) ? Uni.createFrom().item(account.identity())
                : Uni.createFrom().nullItem();
    }
}
