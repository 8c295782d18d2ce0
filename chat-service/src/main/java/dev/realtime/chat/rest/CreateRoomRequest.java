package dev.realtime.chat.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What a user sends to open a room. */
public record CreateRoomRequest(@NotBlank @Size(max = 100) String name) {
}
