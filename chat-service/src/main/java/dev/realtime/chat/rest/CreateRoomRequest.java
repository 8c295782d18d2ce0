package dev.realtime.chat.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a user sends to open a room. */
public record CreateRoomRequest(
        @NotBlank @Size(max = 100) String name,
        @Schema(description = "whether any user may join it (PUT /rooms/{id}/members/{self}); default false: members"
                + " are added by the owner or an admin") Boolean open,
        @Schema(description = "whether members see the messages from before they joined; default false: each"
                + " member's history starts at their join") Boolean fullHistory) {

    public boolean isFullHistory() {
        return Boolean.TRUE.equals(fullHistory);
    }

    public boolean isOpen() {
        return Boolean.TRUE.equals(open);
    }
}
