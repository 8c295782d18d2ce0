package dev.realtime.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.realtime.client.GatewaySocket;
import dev.realtime.client.WebSocketUpgradeException;
import dev.realtime.stack.LocalStack;

/** The gateway refuses the WebSocket upgrade with 401 unless it carries a token auth-service signed. */
@ExtendWith(LocalStackExtension.class)
class GatewayAuthenticationIT {

    private static final String GARBAGE = "not-a-jwt";

    @Test
    void upgradeWithoutTokenIsRefusedWith401(LocalStack stack) {
        Suite suite = new Suite(stack);
        WebSocketUpgradeException refused = assertThrows(WebSocketUpgradeException.class,
                () -> GatewaySocket.connectAnonymously(suite.http, stack.gatewayWebSocketUri(), "anonymous",
                        Suite.CONNECT_TIMEOUT).close());
        assertEquals(401, refused.status(), refused.getMessage());
    }

    @Test
    void upgradeWithGarbageBearerTokenIsRefusedWith401(LocalStack stack) {
        Suite suite = new Suite(stack);
        WebSocketUpgradeException refused = assertThrows(WebSocketUpgradeException.class,
                () -> GatewaySocket.connectWithHeader(suite.http, stack.gatewayWebSocketUri(), "garbage", GARBAGE,
                        Suite.CONNECT_TIMEOUT).close());
        assertEquals(401, refused.status(), refused.getMessage());
    }

    @Test
    void upgradeWithGarbageTokenInTheSubprotocolIsRefusedWith401(LocalStack stack) {
        Suite suite = new Suite(stack);
        WebSocketUpgradeException refused = assertThrows(WebSocketUpgradeException.class,
                () -> GatewaySocket.connectWithSubprotocol(suite.http, stack.gatewayWebSocketUri(), "garbage",
                        GARBAGE, Suite.CONNECT_TIMEOUT).close());
        assertEquals(401, refused.status(), refused.getMessage());
    }
}
