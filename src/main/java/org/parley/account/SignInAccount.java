package org.parley.account;

import io.quarkus.security.jpa.Password;
import io.quarkus.security.jpa.Roles;
import io.quarkus.security.jpa.UserDefinition;
import io.quarkus.security.jpa.Username;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * An enabled account as signing in reads it: quarkus-security-jpa generates from this class the identity providers
 * that check a user name and password against the bcrypt hash (HTTP Basic, the sign-in form) and restore a signed-in
 * user from the session cookie. Mapped to the view {@code account_sign_in} of the enabled accounts only, so that a
 * disabled account can neither sign in nor keep using a session it opened before; never written.
 */
@Entity
@Immutable
@Table(name = "account_sign_in")
@UserDefinition
public class SignInAccount {

    @Id
    @Username
    public String username;

    @Password
    @Column(name = "password_hash")
    public String passwordHash;

    @Roles
    public String roles;
}
