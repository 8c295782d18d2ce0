package dev.realtime.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.realtime.client.SmokeClient;
import dev.realtime.stack.LocalStack;
import dev.realtime.stack.Replica;
import dev.realtime.stack.Service;
import picocli.CommandLine;

/** What {@code ./smoke-test.sh} runs passes against the stack, through each gateway replica. */
@ExtendWith(LocalStackExtension.class)
class SmokeClientIT {

    @Test
    void theSmokeTestPassesOnEveryGatewayReplica(LocalStack stack) {
        for (Replica gateway : stack.replicas(Service.GATEWAY)) {
            int exit = new CommandLine(new SmokeClient()).execute(
                    "--auth", stack.baseUri(Service.AUTH).toString(),
                    "--booking", stack.baseUri(Service.BOOKING).toString(),
                    "--gateway", stack.gatewayWebSocketUri(gateway.number()).toString());
            assertEquals(0, exit, "the smoke test through " + gateway.name());
        }
    }
}
