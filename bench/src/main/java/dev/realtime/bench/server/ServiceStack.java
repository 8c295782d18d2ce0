package dev.realtime.bench.server;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

import dev.realtime.stack.LocalStack;
import dev.realtime.stack.RepoRoot;
import dev.realtime.stack.Service;
import dev.realtime.stack.StackPorts;

/**
 * The services a user-level scenario needs (chat, REST to socket), as the local stack runs them: real logins at
 * auth-service, the gateway verifying auth-service's tokens, the outbox and Kafka in between.
 */
public final class ServiceStack implements AutoCloseable {

    private final LocalStack stack;

    private ServiceStack(LocalStack stack) {
        this.stack = stack;
    }

    /** Starts PostgreSQL, Kafka, auth-service, the gateway and these services. */
    public static ServiceStack start(Path dir, Set<Service> services, Duration readyTimeout) {
        Set<Service> without = EnumSet.allOf(Service.class);
        without.removeAll(services);
        without.remove(Service.AUTH);
        without.remove(Service.GATEWAY);
        LocalStack stack = LocalStack.builder().repoRoot(RepoRoot.locate()).workDir(dir.resolve("stack"))
                .ports(StackPorts.free()).readyTimeout(readyTimeout).without(without).build();
        stack.start();
        return new ServiceStack(stack);
    }

    public URI baseUri(Service service) {
        return stack.baseUri(service);
    }

    /** The gateway's WebSocket endpoint, on 127.0.0.1. */
    public URI gatewaySocket() {
        return URI.create("ws://127.0.0.1:" + stack.baseUri(Service.GATEWAY).getPort() + "/ws");
    }

    public long pid(Service service) {
        return stack.process(service, 1).pid();
    }

    @Override
    public void close() {
        stack.close();
    }
}
