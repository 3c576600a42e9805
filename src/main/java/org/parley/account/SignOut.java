package org.parley.account;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code POST /sign-out}: ends the session of the sign-in form by expiring its cookie in the browser. Always a 204,
 * signed in or not. The cookie holds no server-side state (Quarkus encrypts the user and the expiry into it), so
 * there is nothing else to end; a disabled account's cookies stop working anyway ({@link SignInAccount}).
 */
@ApplicationScoped
public class SignOut {

    public static final String PATH = "/sign-out";

    private final String cookieName;

    public SignOut(@ConfigProperty(name = "quarkus.http.auth.form.cookie-name") String cookieName) {
        this.cookieName = cookieName;
    }

    void install(@Observes Router router) {
        router.route(HttpMethod.POST, PATH).handler(ctx -> ctx.response()
                .addCookie(Cookie.cookie(cookieName, "").setPath("/").setMaxAge(0).setHttpOnly(true)
                        .setSameSite(CookieSameSite.STRICT).setSecure(ctx.request().isSSL()))
                .setStatusCode(204).end());
    }
}
