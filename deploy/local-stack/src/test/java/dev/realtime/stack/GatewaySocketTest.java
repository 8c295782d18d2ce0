package dev.realtime.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GatewaySocketTest {

    @Test
    void tokenSubprotocolIsEncodedLikeEncodeUriComponent() {
        // what a browser sends for encodeURIComponent("quarkus-http-upgrade#Authorization#Bearer " + token)
        assertEquals("quarkus-http-upgrade%23Authorization%23Bearer%20eyJh.eyJz-dWI_x.c2ln",
                GatewaySocket.headerSubprotocol("eyJh.eyJz-dWI_x.c2ln"));
    }
}
