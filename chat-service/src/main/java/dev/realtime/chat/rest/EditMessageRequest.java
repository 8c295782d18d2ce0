package dev.realtime.chat.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.realtime.chat.model.Message;

/** The new body of one's own message. */
@Schema(name = "EditMessage", requiredProperties = { "body" })
public record EditMessageRequest(
        @Schema(description = "as for a send: stored exactly as sent, not blank, at most 4000 UTF-16 code units")
        @NotBlank @Size(max = Message.MAX_BODY_LENGTH) String body) {
}
