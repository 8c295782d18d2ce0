package dev.realtime.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import dev.realtime.stack.LocalStack;
import dev.realtime.stack.Service;
import dev.realtime.stack.StackPorts;

/**
 * Gives tests a running {@link LocalStack}: started once per test JVM on the first request, with {@value #GATEWAYS}
 * gateway replicas, on free ports and in a fresh work directory below {@code target/} (its logs stay there for
 * whoever investigates a failure), and stopped when JUnit closes its root store at the end of the run.
 */
public final class LocalStackExtension implements ParameterResolver {

    /** System property: the port of the frontend origin the stack allows (see {@link BrowserIT}). */
    static final String FRONTEND_PORT = "rt.e2e.frontend-port";

    /** Gateway replicas: a client may connect to any of them, so the tests spread their clients over both. */
    static final int GATEWAYS = 2;

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalStackExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent(RunningStack.class, key -> RunningStack.start(), RunningStack.class)
                .stack();
    }

    /**
     * The stack in JUnit's root store, which closes it once every test has run. A stack that failed to start is
     * remembered too, so that the other test classes fail at once with the same cause instead of trying again.
     */
    record RunningStack(LocalStack running, RuntimeException failure) implements AutoCloseable {

        static RunningStack start() {
            try {
                LocalStack stack = LocalStack.builder()
                        .workDir(newWorkDir())
                        .ports(StackPorts.free(GATEWAYS - 1))
                        .replicas(Service.GATEWAY, GATEWAYS)
                        .allowOrigins(List.of(frontendOrigin()))
                        .readyTimeout(Duration.ofMinutes(3))
                        .build();
                stack.start();
                System.out.print(stack.describe());
                return new RunningStack(stack, null);
            } catch (RuntimeException e) {
                return new RunningStack(null, e);
            }
        }

        LocalStack stack() {
            if (failure != null) {
                throw new IllegalStateException("the local stack did not start: " + failure.getMessage(), failure);
            }
            return running;
        }

        @Override
        public void close() {
            if (running != null) {
                running.close();
            }
        }

        /**
         * The origin {@link BrowserIT}'s page is served from: a free port, chosen before the stack starts so that
         * the services grant it CORS, and kept in {@value #FRONTEND_PORT} for the test to bind.
         */
        private static String frontendOrigin() {
            try (ServerSocket socket = new ServerSocket(0)) {
                System.setProperty(FRONTEND_PORT, Integer.toString(socket.getLocalPort()));
                return "http://localhost:" + socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException("no free port for the test frontend", e);
            }
        }

        private static Path newWorkDir() {
            Path parent = Path.of(System.getProperty("rt.e2e.work-parent", System.getProperty("java.io.tmpdir")));
            try {
                Files.createDirectories(parent);
                return Files.createTempDirectory(parent, "local-stack-");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a work directory in " + parent, e);
            }
        }
    }
}
