package dev.realtime.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class EventPayloadTest {

    @Test
    void theValueHasTheSizeAskedForAndItsMarkerReadsBackInBothFramings() {
        byte[] value = EventPayload.build(200, 3, 17, 42, 1_733_000_000_123_456L);
        assertEquals(200, value.length);
        String json = new String(value, StandardCharsets.US_ASCII);
        EventPayload.Marker expected = new EventPayload.Marker(3, 17, 42, 1_733_000_000_123_456L);

        String gatewayFrame = "{\"type\":\"event\",\"topic\":\"bench.events\",\"partition\":1,\"offset\":9,\"event\":"
                + json + "}";
        assertEquals(expected, EventPayload.parse(gatewayFrame));

        String socketIoPacket = "42[\"event\",\"" + json.replace("\"", "\\\"") + "\"]";
        assertEquals(expected, EventPayload.parse(socketIoPacket));
    }

    @Test
    void aFrameWithoutMarkerSaysSo() {
        assertEquals(-1, EventPayload.parse("{\"type\":\"pong\"}").step());
    }
}
