package dev.realtime.gateway.transport;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Field;
import java.lang.reflect.Method;

import io.netty.channel.Channel;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.websockets.next.WebSocketConnection;
import io.quarkus.websockets.next.runtime.WebSocketConnectionBase;
import io.vertx.core.http.impl.WebSocketImplBase;
import io.vertx.ext.web.impl.ServerWebSocketWrapper;

/**
 * The Netty channel under a websockets-next connection, for the delivery path's pre-encoded writes.
 * <p>
 * websockets-next 3.34 has no public accessor for its Vert.x socket: {@code WebSocketConnectionBase#webSocket()}
 * is package-private, and Vert.x Web hands it the core socket wrapped in a {@code ServerWebSocketWrapper} whose
 * delegate is private, so both are reached once per connection, at open, by reflection (registered for the
 * native image below). Vert.x's {@code WebSocketImplBase#channelHandlerContext()} is public. docs/performance.md says
 * why the hot path needs this and what websockets-next would have to offer to make it unnecessary.
 */
@RegisterForReflection(targets = { WebSocketConnectionBase.class, ServerWebSocketWrapper.class })
final class NettyChannels {

    private static final MethodHandle WEB_SOCKET;
    /** Vert.x Web wraps the core socket for its router; the wrapper keeps it in a private field. */
    private static final MethodHandle WRAPPED;

    static {
        try {
            Method method = WebSocketConnectionBase.class.getDeclaredMethod("webSocket");
            method.setAccessible(true);
            WEB_SOCKET = MethodHandles.lookup().unreflect(method);
            Field delegate = ServerWebSocketWrapper.class.getDeclaredField("delegate");
            delegate.setAccessible(true);
            WRAPPED = MethodHandles.lookup().unreflectGetter(delegate);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError("websockets-next or Vert.x changed, no way to the socket: " + e);
        }
    }

    private NettyChannels() {
    }

    static Channel of(WebSocketConnection connection) {
        try {
            Object socket = WEB_SOCKET.invoke(connection);
            while (socket instanceof ServerWebSocketWrapper wrapper) {
                socket = WRAPPED.invoke(wrapper);
            }
            return ((WebSocketImplBase<?>) socket).channelHandlerContext().channel();
        } catch (Throwable e) {
            throw new IllegalStateException("no Netty channel under connection " + connection.id(), e);
        }
    }
}
