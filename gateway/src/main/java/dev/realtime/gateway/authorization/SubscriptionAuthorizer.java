package dev.realtime.gateway.authorization;

import java.util.concurrent.CompletionStage;

/**
 * Decides whether a user may subscribe to a channel. User, role and broadcast channels follow from the token;
 * room and booking channels are the owning service's decision (chat-service, booking-service). Never blocks: a
 * service call completes the stage later, on another thread.
 */
public interface SubscriptionAuthorizer {

    CompletionStage<Decision> authorize(Subscriber subscriber, String channel);
}
