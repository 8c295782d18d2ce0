package dev.realtime.auth.rest;

import java.time.Duration;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import dev.realtime.auth.model.Role;
import dev.realtime.auth.model.User;
import dev.realtime.auth.service.LoginThrottle;
import dev.realtime.auth.service.Sessions;
import dev.realtime.auth.service.UserService;
import dev.realtime.platform.problem.ProblemException;
import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;

@Path("/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "auth", description = "Accounts and access tokens")
public class AuthResource {

    private final UserService users;
    private final Sessions sessions;
    private final LoginThrottle throttle;
    private final JsonWebToken caller;

    @Inject
    public AuthResource(UserService users, Sessions sessions, LoginThrottle throttle, JsonWebToken caller) {
        this.users = users;
        this.sessions = sessions;
        this.throttle = throttle;
        this.caller = caller;
    }

    @POST
    @Path("/register")
    @Operation(summary = "Create an account with the role user")
    @APIResponse(responseCode = "201", description = "The account", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid username, password or display name")
    @APIResponse(responseCode = "409", description = "The username is taken")
    public RestResponse<UserResponse> register(@Valid @NotNull RegisterRequest request) {
        User user = users.register(request.username(), request.password(), request.displayName(), Role.DEFAULT);
        return RestResponse.status(RestResponse.Status.CREATED, UserResponse.of(user));
    }

    @POST
    @Path("/login")
    @Operation(summary = "Exchange a username and password for an access token and a refresh token",
            description = "Opens a session. The refresh token goes into the HttpOnly rt_refresh cookie (Path=/auth/refresh)"
                    + " unless refreshIn is body, for clients that keep it themselves.")
    @APIResponse(responseCode = "200", description = "An RS256 access token; the refresh token in the body or the cookie",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TokenResponse.class),
                    examples = {
                            @ExampleObject(name = "cookie", summary = "refreshIn cookie (default): the refresh token is in Set-Cookie",
                                    value = "{\"accessToken\":\"eyJraWQiOi...\",\"tokenType\":\"Bearer\",\"expiresIn\":900,"
                                            + "\"refreshExpiresIn\":1209600}"),
                            @ExampleObject(name = "body", summary = "refreshIn body",
                                    value = "{\"accessToken\":\"eyJraWQiOi...\",\"tokenType\":\"Bearer\",\"expiresIn\":900,"
                                            + "\"refreshToken\":\"q5x2Yb6k0Xb8bWn1c3v4aHkJ9oPzR7sT1uVwXyZ0AbC\",\"refreshExpiresIn\":1209600}") }))
    @APIResponse(responseCode = "401", description = "invalid-credentials: unknown username or wrong password (not told apart)")
    @APIResponse(responseCode = "403", description = "account-disabled: right password, but an admin disabled the account")
    @APIResponse(responseCode = "429", description = "too-many-login-attempts: this username or this client address failed"
            + " too often; wait Retry-After seconds. The same answer whether or not the account exists.",
            headers = @Header(name = "Retry-After", description = "seconds to wait", schema = @Schema(type = SchemaType.INTEGER)))
    public RestResponse<TokenResponse> login(@Valid @NotNull LoginRequest request, @Context HttpServerRequest http) {
        String address = http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
        Duration wait = throttle.wait(request.username(), address);
        if (!wait.isZero()) {
            throw new ThrottledException(wait);
        }
        User user;
        try {
            user = users.authenticate(request.username(), request.password());
        } catch (ProblemException e) {
            if (e.problem().status() == 401) {
                throttle.failed(request.username(), address);
            }
            throw e;
        }
        throttle.succeeded(request.username());
        return RefreshCookie.respond(sessions.open(user), request.transport());
    }

    @POST
    @Path("/password")
    @Authenticated
    @Operation(summary = "Change the caller's password; ends every other session of the caller",
            description = "The session of this access token stays open; every other refresh-token family is revoked.")
    @APIResponse(responseCode = "204", description = "Changed")
    @APIResponse(responseCode = "400", description = "The new password breaks the rules")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "wrong-password: the current password is wrong")
    @APIResponse(responseCode = "404", description = "The account no longer exists")
    public void changePassword(@Valid @NotNull PasswordChangeRequest request) {
        users.changePassword(Subjects.userId(caller), request.currentPassword(), request.newPassword(),
                SessionResource.sessionOf(caller));
    }

    @GET
    @Path("/me")
    @Authenticated
    @Operation(summary = "The account of the bearer token")
    @APIResponse(responseCode = "200", description = "The account", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserResponse.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "404", description = "The account no longer exists")
    public UserResponse me() {
        return users.find(Subjects.userId(caller)).map(UserResponse::of).orElseThrow(() -> ProblemException.notFound("the account"));
    }
}
