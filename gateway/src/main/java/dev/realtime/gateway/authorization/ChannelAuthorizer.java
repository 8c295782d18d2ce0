package dev.realtime.gateway.authorization;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import dev.realtime.platform.event.Channels;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;

/**
 * The channel rules of design.md: {@code user:} only one's own, {@code role:} only a role the token holds,
 * {@code broadcast} everyone; {@code room:} as chat-service says, {@code booking:} as booking-service says, each
 * asked over REST with the user's own token and cached ({@link AccessCache}). Created at start, so that the REST
 * clients are built then and not on an event loop at the first subscribe.
 */
@Startup
@ApplicationScoped
public class ChannelAuthorizer implements SubscriptionAuthorizer {

    private static final Logger LOG = Logger.getLogger(ChannelAuthorizer.class);
    /** Room and booking ids travel in a URL path segment: unreserved characters only. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._~-]{1,64}");

    private final ChatAccessClient chat;
    private final BookingAccessClient booking;
    private final AccessCache cache;

    @Inject
    public ChannelAuthorizer(@RestClient ChatAccessClient chat, @RestClient BookingAccessClient booking,
            AccessCache cache) {
        this.chat = chat;
        this.booking = booking;
        this.cache = cache;
    }

    /** Whether a channel name is one of the known kinds with a well-formed id. */
    public static boolean isKnown(String channel) {
        if (Channels.BROADCAST.equals(channel)) {
            return true;
        }
        String id = id(channel);
        return id != null && (channel.startsWith(Channels.USER_PREFIX) || channel.startsWith(Channels.ROLE_PREFIX)
                || ID.matcher(id).matches());
    }

    @Override
    public CompletionStage<Decision> authorize(Subscriber subscriber, String channel) {
        if (!isKnown(channel)) {
            return done(Decision.UNKNOWN_CHANNEL);
        }
        if (channel.startsWith(Channels.USER_PREFIX) || channel.startsWith(Channels.ROLE_PREFIX)
                || Channels.BROADCAST.equals(channel)) {
            // these follow from the token alone: the connection already has exactly the ones it may have
            return done(subscriber.automatic().contains(channel) ? Decision.ALLOWED : Decision.FORBIDDEN);
        }
        Decision cached = cache.get(subscriber.subject(), channel);
        if (cached != null) {
            return done(cached);
        }
        String id = id(channel);
        String bearer = "Bearer " + subscriber.token();
        Uni<Response> call = channel.startsWith(Channels.ROOM_PREFIX) ? chat.access(id, bearer) : booking.access(id, bearer);
        return call.map(ChannelAuthorizer::decision)
                .onFailure(WebApplicationException.class)
                .recoverWithItem(failure -> decision(((WebApplicationException) failure).getResponse()))
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("Access check for %s failed: %s", channel, failure.toString());
                    return Decision.UNAVAILABLE;
                })
                .invoke(decision -> cache.put(subscriber.subject(), channel, decision))
                .subscribeAsCompletionStage();
    }

    private static Decision decision(Response response) {
        int status = response.getStatus();
        response.close();
        return switch (status) {
            case 200, 204 -> Decision.ALLOWED;
            // 401: the token the connection holds is no longer accepted there; the user may not have the channel
            case 401, 403 -> Decision.FORBIDDEN;
            case 404 -> Decision.NOT_FOUND;
            default -> Decision.UNAVAILABLE;
        };
    }

    /** The part after the kind's prefix, or null for a name with no known prefix. */
    private static String id(String channel) {
        for (String prefix : new String[] {Channels.USER_PREFIX, Channels.ROLE_PREFIX, Channels.ROOM_PREFIX,
                Channels.BOOKING_PREFIX}) {
            if (channel.startsWith(prefix)) {
                String id = channel.substring(prefix.length());
                return id.isEmpty() ? null : id;
            }
        }
        return null;
    }

    private static CompletionStage<Decision> done(Decision decision) {
        return CompletableFuture.completedFuture(decision);
    }
}
