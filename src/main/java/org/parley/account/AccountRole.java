package org.parley.account;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The roles an account may have. The constants are the role names themselves ({@link org.parley.security.Roles}),
 * lowercase as JSON, {@code @RolesAllowed} and JWT groups spell them.
 */
@Schema(description = "A role: `editor` writes records, `admin` manages accounts", example = "editor")
public enum AccountRole {
    editor,
    admin
}
