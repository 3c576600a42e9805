package org.parley.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A curator's account to create. */
@Schema(name = "AccountWrite", description = "A curator's account to create, with its first password")
public record AccountRequest(
        @Schema(description = "The name to sign in with, shown in revisions and the change feed; cannot change later",
                example = "ana.lopez", pattern = USERNAME)
        @NotBlank @Pattern(regexp = USERNAME, message = USERNAME_MESSAGE)
        String username,
        @Schema(description = "The curator's name as people read it", example = "Ana López")
        @Size(max = 200)
        String displayName,
        @Schema(description = "The password: " + PasswordRequest.RULE, example = "correct horse battery",
                minLength = PasswordRequest.MIN, maxLength = PasswordRequest.MAX, writeOnly = true)
        @NotNull @Size(min = PasswordRequest.MIN, max = PasswordRequest.MAX)
        String password,
        @Schema(description = "The account's roles: at least one", example = "[\"editor\"]")
        @NotEmpty
        List<@NotNull AccountRole> roles) {

    /** Lowercase letters, digits, dots, hyphens and underscores, starting with a letter or digit. */
    public static final String USERNAME = "^[a-z0-9][a-z0-9._-]{1,63}$";
    static final String USERNAME_MESSAGE = "must be 2 to 64 lowercase letters, digits, '.', '-' or '_', starting with"
            + " a letter or digit, such as ana.lopez";
}
