package dev.realtime.gateway.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * A complete, unmasked WebSocket text frame (RFC 6455 section 5.2) in one buffer, ready for the socket. The gateway
 * writes these bytes itself instead of a Netty {@code TextWebSocketFrame}, whose encoder allocates and copies
 * every frame for every recipient: one buffer built once is shared by all the connections a record goes to
 * (docs/performance.md, "Delivery path").
 */
public final class WireFrame {

    private static final int FIN_TEXT = 0x81;

    private WireFrame() {
    }

    /** Bytes of the frame header for a payload of this length. */
    public static int headerLength(int payloadLength) {
        return payloadLength < 126 ? 2 : payloadLength < 65536 ? 4 : 10;
    }

    /** A direct buffer of exactly the frame's size, header written; the caller writes the payload. */
    public static ByteBuf allocate(ByteBufAllocator allocator, int payloadLength) {
        ByteBuf frame = allocator.directBuffer(headerLength(payloadLength) + payloadLength);
        frame.writeByte(FIN_TEXT);
        if (payloadLength < 126) {
            frame.writeByte(payloadLength);
        } else if (payloadLength < 65536) {
            frame.writeByte(126);
            frame.writeShort(payloadLength);
        } else {
            frame.writeByte(127);
            frame.writeLong(payloadLength);
        }
        return frame;
    }

    /** A text frame carrying this UTF-8 JSON. */
    public static ByteBuf text(ByteBufAllocator allocator, byte[] json) {
        return allocate(allocator, json.length).writeBytes(json);
    }
}
