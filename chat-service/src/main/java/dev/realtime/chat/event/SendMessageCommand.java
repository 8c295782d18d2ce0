package dev.realtime.chat.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The {@code data} of a {@code chat.send-message} command, one per {@code send} frame, produced by the gateway to
 * {@code chat.commands} keyed by room id. The sender is the JWT subject of the socket, stamped by the gateway.
 * Fields a later gateway adds are ignored.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record SendMessageCommand(String roomId, String senderId, String clientMessageId, String body) {

    public static final String TYPE = "chat.send-message";
}
