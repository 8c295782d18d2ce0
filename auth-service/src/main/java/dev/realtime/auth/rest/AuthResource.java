package dev.realtime.auth.rest;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import dev.realtime.auth.model.Role;
import dev.realtime.auth.model.User;
import dev.realtime.auth.service.TokenIssuer;
import dev.realtime.auth.service.UserService;
import dev.realtime.platform.problem.ProblemException;
import io.quarkus.security.Authenticated;

@Path("/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "auth", description = "Accounts and access tokens")
public class AuthResource {

    private final UserService users;
    private final TokenIssuer tokens;
    private final JsonWebToken caller;

    @Inject
    public AuthResource(UserService users, TokenIssuer tokens, JsonWebToken caller) {
        this.users = users;
        this.tokens = tokens;
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
    @Operation(summary = "Exchange a username and password for an access token")
    @APIResponse(responseCode = "200", description = "An RS256 access token", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(responseCode = "401", description = "Unknown username or wrong password (not told apart)")
    public TokenResponse login(@Valid @NotNull LoginRequest request) {
        User user = users.authenticate(request.username(), request.password());
        TokenIssuer.IssuedToken token = tokens.issue(user);
        return TokenResponse.bearer(token.token(), token.expiresInSeconds());
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
        UUID id = parseSubject(caller.getSubject());
        return users.find(id).map(UserResponse::of).orElseThrow(() -> ProblemException.notFound("the account"));
    }

    private static UUID parseSubject(String subject) {
        try {
            return UUID.fromString(subject);
        } catch (IllegalArgumentException | NullPointerException e) {
            // a token from a trusted issuer that is not about one of our accounts
            throw ProblemException.notFound("the account");
        }
    }
}
