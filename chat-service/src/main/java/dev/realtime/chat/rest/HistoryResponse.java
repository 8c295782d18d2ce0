package dev.realtime.chat.rest;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.realtime.chat.service.MessageService;

/** One page of a room's history, newest first. */
@Schema(name = "HistoryPage", requiredProperties = { "messages" })
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HistoryResponse(
        List<MessageResponse> messages,
        @Schema(description = "the before= of the next, older page; absent on the last page", minimum = "1")
        Long nextBefore) {

    static HistoryResponse of(MessageService.Page page) {
        return new HistoryResponse(page.messages().stream().map(MessageResponse::of).toList(), page.nextBefore());
    }
}
