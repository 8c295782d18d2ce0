package dev.realtime.chat.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.realtime.chat.service.ReceiptService;

/** The caller's read receipt in a room and what is left to read. */
@Schema(name = "Receipt", requiredProperties = { "roomId", "userId", "lastReadSeq", "unread" })
public record ReceiptResponse(
        @Schema(format = "uuid") String roomId,
        String userId,
        @Schema(description = "every message up to this seq is read; 0: none", minimum = "0") long lastReadSeq,
        @Schema(description = "messages after lastReadSeq that others sent", minimum = "0") long unread) {

    static ReceiptResponse of(ReceiptService.Receipt receipt) {
        return new ReceiptResponse(receipt.member().roomId.toString(), receipt.member().userId,
                receipt.member().lastReadSeq, receipt.unread());
    }
}
