package dev.realtime.chat.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.realtime.chat.model.Message;

/** What a member sends to post a message. */
@Schema(name = "SendMessage", requiredProperties = { "clientMessageId", "body" })
public record SendMessageRequest(
        @Schema(description = "the client's own id of this message: a resend with the same id stores nothing more"
                + " and answers with the message stored first (1 to 100 visible ASCII characters; a UUID is usual)")
        @NotNull @Pattern(regexp = Message.CLIENT_MESSAGE_ID_PATTERN) String clientMessageId,
        @Schema(description = "the text, stored and delivered exactly as sent, never interpreted as HTML; not blank,"
                + " at most 4000 UTF-16 code units; tab, line feed and carriage return are the only control"
                + " characters allowed")
        @NotBlank @Size(max = Message.MAX_BODY_LENGTH) String body) {
}
