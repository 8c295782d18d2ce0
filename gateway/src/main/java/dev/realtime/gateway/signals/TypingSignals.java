package dev.realtime.gateway.signals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.realtime.gateway.config.SignalsConfig;
import dev.realtime.gateway.protocol.FrameType;
import dev.realtime.gateway.protocol.ServerFrames;
import dev.realtime.platform.event.Channels;

/**
 * Who is typing in which room, as this replica has heard (from its own clients and from the other replicas), and
 * the {@code typing} frames to the rooms' subscribers here.
 * <p>
 * A {@code start} reaches the room when the user was not typing there yet; a refresh ({@code start} again) only
 * moves the deadline. A typing state with no refresh for {@code gateway.typing.ttl} ends with a {@code stop} sent
 * by one shared timer, so a client that disappears mid-word never leaves others watching "typing..." forever.
 * Every replica runs the same rules over the same signals, so each ends the same states at about the same time.
 * The typist's own connections never get its typing frames. State lives on the {@link SignalsThread}.
 */
@ApplicationScoped
public class TypingSignals implements SignalListener {

    public static final String START = "start";
    public static final String STOP = "stop";

    private final SignalsThread thread;
    private final SignalsPublisher publisher;
    private final ReplicaId replica;
    private final RoomFanout fanout;
    private final ServerFrames frames;
    private final long ttlNanos;
    private final long ttlMillis;
    /** Deadline (System.nanoTime) of each typing state, by room and user. Signals thread only. */
    private final Map<Key, Long> typing = new HashMap<>();

    private record Key(String room, String user) {
    }

    @Inject
    public TypingSignals(SignalsThread thread, SignalsPublisher publisher, ReplicaId replica, RoomFanout fanout,
            ServerFrames frames, SignalsConfig config) {
        this.thread = thread;
        this.publisher = publisher;
        this.replica = replica;
        this.fanout = fanout;
        this.frames = frames;
        this.ttlNanos = config.typing().ttl().toNanos();
        this.ttlMillis = config.typing().ttl().toMillis();
        Duration sweep = Duration.ofNanos(Math.max(Duration.ofMillis(50).toNanos(), Math.min(ttlNanos / 10,
                Duration.ofMillis(500).toNanos())));
        thread.every(sweep, this::expire);
    }

    /** A typing frame of a client of this replica, already checked: sent to the other replicas and applied here. */
    public void typed(String room, String user, String state) {
        publisher.publish(room, new Signal.Typing(replica.id(), System.currentTimeMillis(), room, user, state));
        thread.execute(() -> apply(room, user, state));
    }

    @Override
    public void received(Signal signal, long receivedAtMillis) {
        if (signal instanceof Signal.Typing typed && receivedAtMillis - typed.at() < ttlMillis) {
            apply(typed.room(), typed.user(), typed.state());
        }
    }

    private void apply(String room, String user, String state) {
        Key key = new Key(room, user);
        if (START.equals(state)) {
            if (typing.put(key, System.nanoTime() + ttlNanos) == null) {
                send(key, START);
            }
        } else if (STOP.equals(state) && typing.remove(key) != null) {
            send(key, STOP);
        }
    }

    private void expire() {
        long now = System.nanoTime();
        List<Key> expired = new ArrayList<>();
        for (Iterator<Map.Entry<Key, Long>> entries = typing.entrySet().iterator(); entries.hasNext();) {
            Map.Entry<Key, Long> entry = entries.next();
            if (now - entry.getValue() >= 0) {
                expired.add(entry.getKey());
                entries.remove();
            }
        }
        expired.forEach(key -> send(key, STOP));
    }

    private void send(Key key, String state) {
        byte[] frame = frames.write(frames.frame(FrameType.TYPING, null)
                .put("room", key.room()).put("user", key.user()).put("state", state));
        fanout.send(Channels.room(key.room()), FrameType.TYPING, frame, key.user());
    }
}
