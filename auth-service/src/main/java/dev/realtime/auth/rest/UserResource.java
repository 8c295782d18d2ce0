package dev.realtime.auth.rest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import dev.realtime.auth.service.UserService;
import dev.realtime.platform.problem.ProblemException;
import io.quarkus.security.Authenticated;

/** Public profiles: what any signed-in user may read about an account. */
@Path("/users")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "users", description = "Public profiles")
public class UserResource {

    /** At most this many ids in one batch lookup. */
    static final int MAX_IDS = 100;
    private static final String UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    private static final String IDS_PATTERN = "^" + UUID_PATTERN + "(," + UUID_PATTERN + "){0,99}$";

    private final UserService users;

    @Inject
    public UserResource(UserService users) {
        this.users = users;
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "The public profile of one account")
    @APIResponse(responseCode = "200", description = "The profile", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ProfileResponse.class), examples = @ExampleObject(name = "alice",
                    value = "{\"id\":\"0b6f6a36-3f4e-4a53-9d0c-5f0f1e9a2c41\",\"username\":\"alice\",\"displayName\":\"Alice Liddell\"}")))
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "404", description = "No such account")
    public ProfileResponse profile(@RestPath UUID id) {
        return users.find(id).map(ProfileResponse::of).orElseThrow(() -> ProblemException.notFound("the account"));
    }

    @GET
    @Operation(summary = "The public profiles of up to 100 accounts in one call",
            description = "For rendering names from ids. Unknown ids are left out; the order is the order of ids.")
    @APIResponse(responseCode = "200", description = "The profiles that exist", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProfileResponse[].class),
            examples = @ExampleObject(name = "two", value = "[{\"id\":\"0b6f6a36-3f4e-4a53-9d0c-5f0f1e9a2c41\",\"username\":"
                    + "\"alice\",\"displayName\":\"Alice Liddell\"},{\"id\":\"5d1c0e77-8a0b-4f3e-b2d4-1f9e7c3a6b20\","
                    + "\"username\":\"bob\",\"displayName\":\"bob\"}]")))
    @APIResponse(responseCode = "400", description = "ids missing, malformed or more than 100")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    public List<ProfileResponse> profiles(
            @Parameter(description = "comma-separated account ids", example = "0b6f6a36-3f4e-4a53-9d0c-5f0f1e9a2c41,"
                    + "5d1c0e77-8a0b-4f3e-b2d4-1f9e7c3a6b20")
            @RestQuery @NotNull @Pattern(regexp = IDS_PATTERN, message = "must be 1 to 100 comma-separated ids") String ids) {
        Set<UUID> wanted = new LinkedHashSet<>();
        for (String id : ids.split(",")) {
            wanted.add(UUID.fromString(id));
        }
        Map<UUID, ProfileResponse> found = new HashMap<>();
        users.findAll(wanted).forEach(user -> found.put(user.id, ProfileResponse.of(user)));
        List<ProfileResponse> profiles = new ArrayList<>(found.size());
        for (UUID id : wanted) {
            if (found.containsKey(id)) {
                profiles.add(found.get(id));
            }
        }
        return profiles;
    }
}
