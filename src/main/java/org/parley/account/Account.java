package org.parley.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;

/**
 * A curator's account: who may sign in under their own name, with which roles. The password is kept only as a bcrypt
 * hash. Signing in reads the enabled accounts through {@link SignInAccount}.
 */
@Entity
@Table(name = "account")
public class Account extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true, updatable = false)
    public String username;

    @Column(name = "display_name")
    public String displayName;

    /** The bcrypt hash of the password in Modular Crypt Format ({@code $2a$10$...}). */
    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    /** Role names separated by commas, as quarkus-security-jpa reads them: {@code editor,admin}. */
    @Column(nullable = false)
    public String roles;

    @Column(nullable = false)
    public boolean enabled;

    @CreationTimestamp
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @UpdateTimestamp
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    @Column(nullable = false)
    public long version;

    /** The roles, in their declared order. */
    public List<AccountRole> roles() {
        Set<AccountRole> set = EnumSet.noneOf(AccountRole.class);
        Arrays.stream(roles.split(",")).map(String::strip).filter(r -> !r.isEmpty()).map(AccountRole::valueOf)
                .forEach(set::add);
        return List.copyOf(set);
    }

    public void setRoles(List<AccountRole> roles) {
        this.roles = EnumSet.copyOf(roles).stream().map(AccountRole::name).collect(Collectors.joining(","));
    }
}
