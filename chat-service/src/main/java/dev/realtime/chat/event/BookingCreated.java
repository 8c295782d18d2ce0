package dev.realtime.chat.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** What chat-service reads of booking-service's {@code booking.created} data: the booking and its owner. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record BookingCreated(String id, String ownerId) {

    public static final String TYPE = "booking.created";
}
