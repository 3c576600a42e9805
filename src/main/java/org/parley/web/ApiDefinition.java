package org.parley.web;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.servers.Server;
import org.parley.problem.Problem;

/**
 * Shared pieces of the OpenAPI document: the problem responses each operation refers to by name, and the HTTP
 * Basic scheme of writes. Title, version and contact are in application.properties.
 */
@OpenAPIDefinition(
        info = @Info(title = "Parley API", version = "1"),
        // relative: the instance (and behind a proxy, the address) this document was read from, so that Swagger
        // UI and generated clients call the server that served it
        servers = @Server(url = "/", description = "The Parley instance that serves this document"),
        components = @Components(
                securitySchemes = {
                        @SecurityScheme(securitySchemeName = ApiDefinition.BASIC, type = SecuritySchemeType.HTTP,
                                scheme = "basic", description = "HTTP Basic; the user needs the role 'editor'"),
                        @SecurityScheme(securitySchemeName = ApiDefinition.BEARER, type = SecuritySchemeType.HTTP,
                                scheme = "bearer", bearerFormat = "JWT",
                                description = "A JWT signed by the key Parley is configured with, from its issuer;"
                                        + " the token's groups need 'editor'")},
                responses = {
                        @APIResponse(name = ApiDefinition.BAD_REQUEST, responseCode = "400",
                                description = "Invalid input: malformed JSON, a bad parameter or a field that breaks a rule",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                        examples = @ExampleObject(name = "validation", value = ApiDefinition.BAD_REQUEST_EXAMPLE))),
                        @APIResponse(name = ApiDefinition.UNAUTHORIZED, responseCode = "401",
                                description = "No or wrong credentials",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                        @APIResponse(name = ApiDefinition.FORBIDDEN, responseCode = "403",
                                description = "The user lacks the role 'editor'",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                        @APIResponse(name = ApiDefinition.NOT_FOUND, responseCode = "404",
                                description = "No record with that id",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                        @APIResponse(name = ApiDefinition.CONFLICT, responseCode = "409",
                                description = "Conflicts with stored data: a duplicate, a record still referenced, or a stale version",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                        @APIResponse(name = ApiDefinition.TOO_LARGE, responseCode = "413",
                                description = "The body is larger than " + HttpProblems.BODY_LIMIT,
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                        @APIResponse(name = ApiDefinition.UNSUPPORTED_MEDIA_TYPE, responseCode = "415",
                                description = "The body is not of the media type the operation takes",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                        @APIResponse(name = ApiDefinition.PRECONDITION_FAILED, responseCode = "412",
                                description = "`If-Match` names another version than the record's: it changed since it was read",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                        @APIResponse(name = ApiDefinition.TOO_MANY_REQUESTS, responseCode = "429",
                                description = "The client used up its reads or writes per minute, or made too many"
                                        + " failed logins; every API response carries RateLimit-Limit,"
                                        + " RateLimit-Remaining, RateLimit-Reset and RateLimit-Policy",
                                headers = @Header(ref = ApiDefinition.RETRY_AFTER),
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                        @APIResponse(name = ApiDefinition.NOT_ACCEPTABLE, responseCode = "406",
                                description = "`Accept` names no media type the operation answers in",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                        @APIResponse(name = ApiDefinition.URI_TOO_LONG, responseCode = "414",
                                description = "The query string is longer than the limit (8,192 characters by default)",
                                content = @Content(mediaType = Problem.MEDIA_TYPE,
                                        schema = @Schema(implementation = Problem.class))),
                        @APIResponse(name = ApiDefinition.HEADERS_TOO_LARGE, responseCode = "431",
                                description = "The request's headers are larger than the limit (16 KiB by default)",
                                content = @Content(mediaType = Problem.MEDIA_TYPE,
                                        schema = @Schema(implementation = Problem.class))),
                        @APIResponse(name = ApiDefinition.UNAVAILABLE, responseCode = "503",
                                description = "The database cannot be reached: nothing was read or written; try again",
                                content = @Content(mediaType = Problem.MEDIA_TYPE,
                                        schema = @Schema(implementation = Problem.class))),
                        @APIResponse(name = ApiDefinition.INSUFFICIENT_STORAGE, responseCode = "507",
                                description = "The database's disk is full: nothing was changed; reads go on; retry"
                                        + " once space is freed (`Retry-After`)",
                                headers = @Header(name = "Retry-After", description = "Seconds to wait before trying again",
                                        schema = @Schema(type = SchemaType.INTEGER)),
                                content = @Content(mediaType = Problem.MEDIA_TYPE,
                                        schema = @Schema(implementation = Problem.class))),
                        @APIResponse(name = ApiDefinition.NOT_MODIFIED, responseCode = "304",
                                description = "`If-None-Match` names the record's current ETag: what the client holds is current",
                                headers = @Header(ref = ApiDefinition.ETAG)),
                },
                headers = {
                        @Header(name = ApiDefinition.ETAG, description = "Strong entity tag of the record as sent;"
                                + " changes whenever what a read shows changes", schema = @Schema(type = SchemaType.STRING)),
                        @Header(name = ApiDefinition.LOCATION, description = "URL of the record just created",
                                schema = @Schema(type = SchemaType.STRING, format = "uri")),
                        @Header(name = ApiDefinition.RETRY_AFTER, description = "Seconds to wait before trying again",
                                schema = @Schema(type = SchemaType.INTEGER)),
                        @Header(name = ApiDefinition.MEMENTO_DATETIME, description = "With `asOf`: the time of the"
                                + " revision shown, the last one written at or before `asOf` (RFC 7089)",
                                schema = @Schema(type = SchemaType.STRING)),
                },
                parameters = {
                        @Parameter(name = ApiDefinition.IF_MATCH, in = ParameterIn.HEADER, required = false,
                                description = "Write only if the record's ETag is one of these (else 412): protects"
                                        + " against overwriting a change made since the record was read",
                                schema = @Schema(type = SchemaType.STRING), example = "\"3q2-7w1J0Qm8f6SGm3QmAw\""),
                        @Parameter(name = ApiDefinition.AS_OF, in = ParameterIn.QUERY, required = false,
                                description = "The record as it stood at this moment (its last revision written at or"
                                        + " before it): an ISO date-time with offset, or a date for its start in UTC;"
                                        + " 404 if it did not exist then",
                                schema = @Schema(type = SchemaType.STRING), example = "2024-05-01T00:00:00Z"),
                        @Parameter(name = ApiDefinition.IF_NONE_MATCH, in = ParameterIn.HEADER, required = false,
                                description = "Answer 304 without a body if the record's ETag is one of these",
                                schema = @Schema(type = SchemaType.STRING), example = "\"3q2-7w1J0Qm8f6SGm3QmAw\""),
                }))
public class ApiDefinition extends Application {

    public static final String BASIC = "basic";
    /** Bearer JWTs: every operation that takes {@link #BASIC} takes them too (added by {@link OpenApiFilter}). */
    public static final String BEARER = "bearer";
    public static final String BAD_REQUEST = "BadRequest";
    public static final String UNAUTHORIZED = "Unauthorized";
    public static final String FORBIDDEN = "Forbidden";
    public static final String NOT_FOUND = "NotFound";
    public static final String CONFLICT = "Conflict";
    public static final String TOO_LARGE = "ContentTooLarge";
    public static final String UNSUPPORTED_MEDIA_TYPE = "UnsupportedMediaType";
    public static final String PRECONDITION_FAILED = "PreconditionFailed";
    public static final String NOT_MODIFIED = "NotModified";
    /** Added to every operation by {@link OpenApiFilter}: the limits apply to all of them. */
    public static final String TOO_MANY_REQUESTS = "TooManyRequests";
    /**
     * Added to every operation by {@link OpenApiFilter}: any may be asked for what it cannot answer in, be sent more
     * than the limits take, or find the database gone.
     */
    public static final String NOT_ACCEPTABLE = "NotAcceptable";
    public static final String URI_TOO_LONG = "UriTooLong";
    public static final String HEADERS_TOO_LARGE = "HeadersTooLarge";
    public static final String UNAVAILABLE = "ServiceUnavailable";
    public static final String INSUFFICIENT_STORAGE = "InsufficientStorage";
    public static final String RETRY_AFTER = "Retry-After";
    public static final String ETAG = "ETag";
    public static final String LOCATION = "Location";
    public static final String IF_MATCH = "If-Match";
    public static final String IF_NONE_MATCH = "If-None-Match";
    public static final String MEMENTO_DATETIME = "Memento-Datetime";
    public static final String AS_OF = "asOf";

    static final String BAD_REQUEST_EXAMPLE = """
            {"type": "urn:parley:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "participants[1].country: must be an ISO 3166-1 alpha-2 country code in uppercase, such as CN",
             "instance": "/api/v1/participants",
             "violations": [{"field": "country", "in": "body",
               "message": "must be an ISO 3166-1 alpha-2 country code in uppercase, such as CN"}]}
            """;
}
