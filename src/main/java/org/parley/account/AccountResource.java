package org.parley.account;

import static org.parley.web.ApiDefinition.BAD_REQUEST;
import static org.parley.web.ApiDefinition.BASIC;
import static org.parley.web.ApiDefinition.CONFLICT;
import static org.parley.web.ApiDefinition.FORBIDDEN;
import static org.parley.web.ApiDefinition.LOCATION;
import static org.parley.web.ApiDefinition.NOT_FOUND;
import static org.parley.web.ApiDefinition.TOO_LARGE;
import static org.parley.web.ApiDefinition.UNAUTHORIZED;
import static org.parley.web.ApiDefinition.UNSUPPORTED_MEDIA_TYPE;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.io.UncheckedIOException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.parley.problem.Problem;
import org.parley.security.Roles;
import org.parley.store.Rendered;
import org.parley.web.MergePatch;
import org.parley.web.PageParams;
import org.parley.web.PageResponse;
import org.parley.web.Paging;
import org.parley.web.Params;

@Path(AccountResource.PATH)
@Tag(name = "Accounts", description = "Curators' accounts, managed by administrators, and the user signed in")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = BASIC)
public class AccountResource {

    static final String PATH = "/api/v1/accounts";
    private static final String USERNAME_DESCRIPTION = "The account's user name";

    private final AccountService service;
    private final MergePatch patches;
    private final ObjectMapper json;
    private final SecurityIdentity identity;

    public AccountResource(AccountService service, MergePatch patches, ObjectMapper json, SecurityIdentity identity) {
        this.service = service;
        this.patches = patches;
        this.json = json;
        this.identity = identity;
    }

    @GET
    @Operation(operationId = "listAccounts", summary = "List curators' accounts",
            description = "The accounts kept in the database, by user name, one page at a time (admin only). The"
                    + " editor account of the configuration is not among them.")
    @APIResponse(responseCode = "200", description = "One page of accounts; `Link` and `X-Total-Count` headers")
    @APIResponse(responseCode = "400", ref = BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = FORBIDDEN)
    public RestResponse<PageResponse<AccountResponse>> list(@BeanParam PageParams paging, @Context UriInfo uri) {
        Params params = new Params();
        int page = params.offsetPage(paging);
        int size = params.size(paging);
        params.validate();
        List<AccountResponse> all = service.list().stream().map(AccountResponse::from).toList();
        return Paging.page(all, page, size, uri);
    }

    @POST
    @Operation(operationId = "createAccount", summary = "Create a curator's account",
            description = "A new account that may sign in at once with the password given (admin only). The password"
                    + " is kept only as a bcrypt hash. The user name is unique and never the configuration's editor"
                    + " (else 409); `me` and `system` are reserved.")
    @APIResponse(responseCode = "201", description = "Created; `Location` names the new account",
            headers = @Header(ref = LOCATION), content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AccountResponse.class)))
    @APIResponse(responseCode = "400", ref = BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = FORBIDDEN)
    @APIResponse(responseCode = "409", ref = CONFLICT)
    @APIResponse(responseCode = "413", ref = TOO_LARGE)
    @APIResponse(responseCode = "415", ref = UNSUPPORTED_MEDIA_TYPE)
    public RestResponse<AccountResponse> create(@Valid @NotNull(message = Problem.BODY_REQUIRED) AccountRequest request,
            @Context UriInfo uri) {
        Account account = service.create(request);
        return RestResponse.ResponseBuilder.<AccountResponse>created(
                uri.getAbsolutePathBuilder().path(account.username).build())
                .entity(AccountResponse.from(account)).build();
    }

    @GET
    @Path("/me")
    @Authenticated
    @Operation(operationId = "getSignedIn", summary = "Who is signed in",
            description = "The user of the request's credentials (HTTP Basic, the session cookie of the sign-in form,"
                    + " or a bearer token) with their roles: what a page asks to know whether someone is signed in and"
                    + " what they may do. Any signed-in user; 401 when there is none.")
    @APIResponse(responseCode = "200", description = "The user signed in")
    @APIResponse(responseCode = "401", ref = UNAUTHORIZED)
    public SignedInResponse me() {
        String username = identity.getPrincipal().getName();
        String displayName = service.find(username).map(account -> account.displayName).orElse(null);
        return new SignedInResponse(username, displayName, identity.getRoles().stream().sorted().toList());
    }

    @GET
    @Path("/{username}")
    @Operation(operationId = "getAccount", summary = "Read one account",
            description = "A curator's account: user name, display name, roles, whether it is enabled, and its times"
                    + " (admin only); never its password or hash.")
    @APIResponse(responseCode = "200", description = "The account")
    @APIResponse(responseCode = "401", ref = UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = FORBIDDEN)
    @APIResponse(responseCode = "404", ref = NOT_FOUND)
    public AccountResponse get(@Parameter(description = USERNAME_DESCRIPTION, example = "ana.lopez")
            @PathParam("username") String username) {
        return AccountResponse.from(service.read(username));
    }

    @PATCH
    @Path("/{username}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Operation(operationId = "patchAccount", summary = "Change, disable or enable an account",
            description = "A JSON merge patch (RFC 7396) of the account's display name, roles and `enabled` (admin"
                    + " only). `{\"enabled\": false}` disables it: it can no longer sign in, and the sessions it"
                    + " opened end; `{\"enabled\": true}` enables it again. An administrator cannot disable their own"
                    + " account or take their own admin role away (409).")
    @APIResponse(responseCode = "200", description = "The account as changed")
    @APIResponse(responseCode = "400", ref = BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = FORBIDDEN)
    @APIResponse(responseCode = "404", ref = NOT_FOUND)
    @APIResponse(responseCode = "409", ref = CONFLICT)
    @APIResponse(responseCode = "413", ref = TOO_LARGE)
    @APIResponse(responseCode = "415", ref = UNSUPPORTED_MEDIA_TYPE)
    public AccountResponse patch(
            @Parameter(description = USERNAME_DESCRIPTION, example = "ana.lopez")
            @PathParam("username") String username,
            @RequestBody(required = true, description = "The fields to change", content = @Content(
                    mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(implementation = AccountChange.class)))
            @NotNull(message = Problem.BODY_REQUIRED) byte[] changes) {
        return AccountResponse.from(service.change(username, identity.getPrincipal().getName(),
                current -> patches.apply(rendered(current), changes, AccountChange.class)));
    }

    @PUT
    @Path("/{username}/password")
    @Operation(operationId = "setAccountPassword", summary = "Reset an account's password",
            description = "Replaces the account's password (admin only): the old one stops working at once. The"
                    + " password is kept only as a bcrypt hash.")
    @APIResponse(responseCode = "200", description = "The account, its password replaced")
    @APIResponse(responseCode = "400", ref = BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = FORBIDDEN)
    @APIResponse(responseCode = "404", ref = NOT_FOUND)
    @APIResponse(responseCode = "413", ref = TOO_LARGE)
    @APIResponse(responseCode = "415", ref = UNSUPPORTED_MEDIA_TYPE)
    public AccountResponse setPassword(
            @Parameter(description = USERNAME_DESCRIPTION, example = "ana.lopez")
            @PathParam("username") String username,
            @Valid @NotNull(message = Problem.BODY_REQUIRED) PasswordRequest request) {
        return AccountResponse.from(service.setPassword(username, request));
    }

    /** The account's changeable fields as JSON, what a merge patch applies to. */
    private Rendered<AccountChange> rendered(AccountChange current) {
        try {
            return new Rendered<>(json.writeValueAsBytes(current));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
