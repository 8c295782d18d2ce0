package dev.realtime.chat.rest;

import jakarta.validation.constraints.Min;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How far a member has read. */
public record MarkReadRequest(
        @Schema(description = "every message up to this seq is read; absent: every message of the room (mark room"
                + " read); beyond the last message it means the last") @Min(0) Long seq) {
}
