package dev.realtime.gateway.history;

import java.util.List;

/**
 * The answer to a resume: the entries to replay, or why the cursor cannot be served ({@code expired}: older than
 * the window; {@code epoch}: the topic was recreated; {@code unknown-topic}; {@code too-many}: a gap longer than
 * {@code gateway.history.max-replay}), or that this replica has not read as far as the cursor yet.
 */
public record Replay(List<HistoryWindow.Entry> entries, String reason, String topic, boolean behind) {

    static Replay of(List<HistoryWindow.Entry> entries) {
        return new Replay(entries, null, null, false);
    }

    static Replay notRecoverable(String reason, String topic) {
        return new Replay(List.of(), reason, topic, false);
    }

    static Replay notYet() {
        return new Replay(List.of(), null, null, true);
    }

    public boolean recoverable() {
        return reason == null && !behind;
    }
}
