package dev.realtime.auth.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import dev.realtime.auth.model.Role;
import dev.realtime.auth.service.UserService;

/** What administrators do to accounts. */
@Path("/admin/users")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN)
@Tag(name = "admin", description = "Account administration (role admin)")
public class AdminUserResource {

    private static final String USER_EXAMPLE = "{\"id\":\"0b6f6a36-3f4e-4a53-9d0c-5f0f1e9a2c41\",\"username\":\"alice\","
            + "\"displayName\":\"Alice Liddell\",\"roles\":[\"user\",\"admin\"],\"disabled\":false}";

    private final UserService users;
    private final JsonWebToken caller;

    @Inject
    public AdminUserResource(UserService users, JsonWebToken caller) {
        this.users = users;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "List or search accounts, by username, a page at a time")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = UserPage.class), examples = @ExampleObject(name = "search",
                    value = "{\"items\":[" + USER_EXAMPLE + "],\"page\":0,\"size\":20,\"total\":1}")))
    @APIResponse(responseCode = "400", description = "page or size out of range")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The caller is not an admin")
    public UserPage list(
            @Parameter(description = "part of a username or display name, any case; absent: every account", example = "ali")
            @RestQuery @Size(max = 64) String q,
            @Parameter(description = "0-based page number", example = "0") @RestQuery @DefaultValue("0") @Min(0) @Max(100000) int page,
            @Parameter(description = "accounts per page", example = "20") @RestQuery @DefaultValue("20") @Min(1) @Max(100) int size) {
        UserService.Page found = users.search(q, page, size);
        return new UserPage(found.users().stream().map(UserResponse::of).toList(), page, size, found.total());
    }

    @PUT
    @Path("/{id}/roles")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set an account's roles; publishes user.roles-changed",
            description = "The account holds exactly these roles afterwards, and always user. Tokens issued before keep"
                    + " their groups until they expire; the next login or refresh carries the new ones.")
    @APIResponse(responseCode = "200", description = "The account", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = UserResponse.class), examples = @ExampleObject(name = "admin", value = USER_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A role other than user or admin")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The caller is not an admin")
    @APIResponse(responseCode = "404", description = "No such account")
    public UserResponse changeRoles(@RestPath UUID id, @Valid @NotNull RolesRequest request) {
        return UserResponse.of(users.changeRoles(id, request.roles()));
    }

    @POST
    @Path("/{id}/disable")
    @Operation(summary = "Disable an account; publishes user.disabled",
            description = "The account can no longer log in or refresh, and its sessions end at once. Access tokens"
                    + " already issued stay valid until they expire.")
    @APIResponse(responseCode = "200", description = "The account, disabled", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserResponse.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The caller is not an admin")
    @APIResponse(responseCode = "404", description = "No such account")
    @APIResponse(responseCode = "409", description = "cannot-disable-self: an admin's own account")
    public UserResponse disable(@RestPath UUID id) {
        return UserResponse.of(users.disable(id, Subjects.userId(caller)));
    }
}
