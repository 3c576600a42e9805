package org.parley.account;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.parley.problem.Violation;

/**
 * What a merge patch of an account may change, and the account as such a patch is applied to: its display name, roles
 * and whether it may sign in. The user name never changes; the password has its own operation. Roles and
 * {@code enabled} may not be removed: the service checks it ({@link #violations()}), as a constraint here would mark
 * them required in the document, and a patch need not name them.
 */
@Schema(name = "AccountChange", description = "The fields of an account a merge patch may change;"
        + " a field left out stays as it is, `displayName: null` removes the display name")
public record AccountChange(
        @Schema(description = "The curator's name as people read it", example = "Ana López")
        @Size(max = 200)
        String displayName,
        @Schema(description = "The account's roles: at least one", example = "[\"editor\", \"admin\"]")
        List<@NotNull AccountRole> roles,
        @Schema(description = "`false` disables the account: it can no longer sign in, and its sessions end",
                example = "false")
        Boolean enabled) {

    /** What the patched account lacks: roles, or whether it is enabled (a patch that set them to null). */
    List<Violation> violations() {
        List<Violation> violations = new ArrayList<>();
        if (enabled == null) {
            violations.add(Violation.body("enabled", "must not be null"));
        }
        if (roles == null || roles.isEmpty()) {
            violations.add(Violation.body("roles", "must not be empty"));
        }
        return violations;
    }

    static AccountChange of(Account account) {
        return new AccountChange(account.displayName, account.roles(), account.enabled);
    }
}
