package dev.realtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GatewaySocketTest {

    @Test
    void tokenSubprotocolEncodesTheHeaderValueLikeEncodeUriComponent() {
        // docs/protocol.md: "quarkus-http-upgrade#Authorization#" + encodeURIComponent("Bearer " + accessToken)
        assertEquals("quarkus-http-upgrade#Authorization#Bearer%20eyJh.eyJz-dWI_x.c2ln",
                GatewaySocket.headerSubprotocol("eyJh.eyJz-dWI_x.c2ln"));
    }
}
