package dev.realtime.gateway.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The history window each replica keeps of every delivery partition, and how clients resume from it. */
@ConfigMapping(prefix = "gateway.history")
public interface HistoryConfig {

    /** How far back the window reaches; rebuilt from Kafka (offsets for a timestamp) at start. */
    @WithDefault("5m")
    Duration maxAge();

    /** Bytes of frames the window holds at most, over every partition; the oldest go first. */
    @WithDefault("268435456")
    long maxBytes();

    /**
     * How long a new connection waits for its first frame before it goes live on its own. A client that
     * resumes sends {@code resume} as its first frame; any other first frame makes the connection live at once.
     * Events of this wait are not lost: going live replays them from the window.
     */
    @WithDefault("2s")
    Duration resumeWait();

    /** How often every live connection gets a {@code position} frame, so that an idle cursor stays in the window. */
    @WithDefault("30s")
    Duration positionInterval();

    /** Frames one resume may replay at most; a longer gap is answered {@code not-recoverable} (refetch over REST). */
    @WithDefault("5000")
    int maxReplay();
}
