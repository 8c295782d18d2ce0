package dev.realtime.bench.server;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import dev.realtime.bench.client.WireProtocol;

/** The servers a scenario can run against ({@code --target gateway,node}). */
public enum Target {

    /** The gateway's packaged jar, started by the local stack. */
    GATEWAY(WireProtocol.GATEWAY),
    /** The Node Socket.IO 4 server of {@code bench/node}. */
    NODE(WireProtocol.SOCKET_IO);

    private final WireProtocol protocol;

    Target(WireProtocol protocol) {
        this.protocol = protocol;
    }

    public WireProtocol protocol() {
        return protocol;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code gateway,node} as the command line writes it. */
    public static List<Target> parse(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> Target.valueOf(s.toUpperCase(Locale.ROOT))).distinct().toList();
    }
}
