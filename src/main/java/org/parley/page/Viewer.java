package org.parley.page;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.Context;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.parley.security.Roles;

/**
 * Who is looking at a page: signed in (the sign-in form's session cookie, or any credentials the API takes) or not,
 * and whether as an editor. The layout reads it as {@code inject:viewer} for its sign-in and sign-out control; the
 * desk decides by it whether to show its tools. A page rendered on an I/O thread, where the identity cannot be
 * resolved, sees an anonymous viewer; so do wrong credentials.
 */
@Named("viewer")
@RequestScoped
public class Viewer {

    private final SecurityIdentity identity;
    private boolean asked;
    private SecurityIdentity resolved;

    public Viewer(SecurityIdentity identity) {
        this.identity = identity;
    }

    private SecurityIdentity identity() {
        if (!asked) {
            asked = true;
            // without proactive authentication the identity is resolved when first asked for, which may block
            if (!Context.isOnEventLoopThread()) {
                try {
                    resolved = identity.isAnonymous() ? null : identity;
                } catch (AuthenticationFailedException e) {
                    resolved = null; // wrong credentials: a page shows what anyone sees, and the way to sign in
                }
            }
        }
        return resolved;
    }

    /** Whether someone is signed in. */
    public boolean isSignedIn() {
        return identity() != null;
    }

    /** The user name, or null. */
    public String getName() {
        return isSignedIn() ? identity().getPrincipal().getName() : null;
    }

    /** Whether the user may write, and so use the desk. */
    public boolean isEditor() {
        return isSignedIn() && identity().hasRole(Roles.EDITOR);
    }
}
