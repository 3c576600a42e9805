package org.parley.account;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A curator's account as administrators read it; never its password or hash. */
@Schema(name = "Account", description = "A curator's account")
public record AccountResponse(
        @Schema(description = "The name to sign in with, shown in revisions and the change feed",
                example = "ana.lopez")
        String username,
        @Schema(description = "The curator's name as people read it", example = "Ana López", nullable = true)
        String displayName,
        @Schema(description = "The account's roles", example = "[\"editor\"]")
        List<AccountRole> roles,
        @Schema(description = "Whether the account may sign in", example = "true")
        boolean enabled,
        @Schema(description = "When the account was created", implementation = String.class, format = "date-time",
                example = "2024-05-01T09:30:00Z")
        Instant createdAt,
        @Schema(description = "When the account was last changed (also by a new password)",
                implementation = String.class, format = "date-time", example = "2024-05-02T14:00:00Z")
        Instant updatedAt) {

    static AccountResponse from(Account account) {
        return new AccountResponse(account.username, account.displayName, account.roles(), account.enabled,
                account.createdAt, account.updatedAt);
    }
}
