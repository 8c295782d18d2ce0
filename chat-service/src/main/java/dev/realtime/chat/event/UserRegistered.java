package dev.realtime.chat.event;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** What chat-service reads of auth-service's {@code user.registered} data: the account and its roles. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record UserRegistered(String id, List<String> roles) {

    public static final String TYPE = "user.registered";
}
