package org.parley.account;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new password for an account. */
@Schema(name = "PasswordWrite", description = "A new password for an account")
public record PasswordRequest(
        @Schema(description = "The new password: " + RULE, example = "correct horse battery staple",
                minLength = MIN, maxLength = MAX, writeOnly = true)
        @NotNull @Size(min = MIN, max = MAX)
        String password) {

    static final int MIN = 12;
    /** bcrypt reads no more than 72 bytes of a password; see {@link AccountService#hash(String, String)}. */
    static final int MAX = 72;
    static final String RULE = "12 to 72 characters, at most 72 bytes in UTF-8";
}
