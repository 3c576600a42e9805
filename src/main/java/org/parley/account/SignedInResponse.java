package org.parley.account;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who sent a request: the user its credentials, session cookie or token name. */
@Schema(name = "SignedIn", description = "The user signed in: by HTTP Basic, the session cookie or a bearer token")
public record SignedInResponse(
        @Schema(description = "The user name, as revisions and the change feed show it", example = "ana.lopez")
        String username,
        @Schema(description = "The curator's name as people read it, when the account has one", example = "Ana López",
                nullable = true)
        String displayName,
        @Schema(description = "The user's roles, sorted: `editor` may write records, `admin` manage accounts",
                example = "[\"editor\"]")
        List<String> roles) {
}
