package dev.realtime.gateway.presence;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletionStage;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.realtime.gateway.config.SignalsConfig;
import dev.realtime.gateway.hub.Hub;
import dev.realtime.gateway.hub.SubscriptionListener;
import dev.realtime.gateway.metrics.GatewayMetrics;
import dev.realtime.gateway.metrics.ReplicaFigures;
import dev.realtime.gateway.protocol.FrameType;
import dev.realtime.gateway.protocol.ServerFrames;
import dev.realtime.gateway.session.Session;
import dev.realtime.gateway.session.SessionListener;
import dev.realtime.gateway.signals.ReplicaId;
import dev.realtime.gateway.signals.RoomFanout;
import dev.realtime.gateway.signals.Signal;
import dev.realtime.gateway.signals.SignalListener;
import dev.realtime.gateway.signals.SignalsPublisher;
import dev.realtime.gateway.signals.SignalsThread;
import dev.realtime.platform.event.Channels;
import io.quarkus.runtime.Startup;

/**
 * Presence over {@code gateway.signals}, with heartbeats and a TTL.
 * <p>
 * Each replica knows its own users exactly (sessions opening and closing, room subscriptions starting and
 * ending, statuses set) and tells the others of every change at once, in a {@code presence} signal for that
 * user ({@code offline} when the user's last socket here closes). Every {@code gateway.presence.heartbeat} it
 * also sends a heartbeat naming all its online users with their status and rooms, and its figures for the admin
 * stats. What another replica reported stays true until that replica says otherwise or until no heartbeat of it
 * has named the user for {@code gateway.presence.ttl}: a replica that dies takes its users offline within the TTL.
 * <p>
 * From the replicas' reports each replica derives the same view: a user's rooms are the union of their rooms on
 * every replica, their status the most recently set one. When that view changes for a room, its subscribers here
 * get a {@code presence-changed} frame (not the user's own connections). All state lives on the
 * {@link SignalsThread}; the event loops only hand changes to it.
 */
@Startup
@ApplicationScoped
public class KafkaPresence implements Presence, SessionListener, SubscriptionListener, SignalListener {

    /** Users per heartbeat record, so that a replica with many users stays far below Kafka's record size limit. */
    static final int USERS_PER_HEARTBEAT = 500;

    private final SignalsThread thread;
    private final SignalsPublisher publisher;
    private final ReplicaId replica;
    private final RoomFanout fanout;
    private final ServerFrames frames;
    private final Hub hub;
    private final GatewayMetrics metrics;
    private final SignalsConfig config;
    private final long ttlNanos;

    // --- signals thread only ---
    /** This replica's users. */
    private final Map<String, LocalUser> local = new HashMap<>();
    /** What every other replica reported, by replica and user. */
    private final Map<String, Map<String, Reported>> remote = new HashMap<>();
    /** The other replicas heard from, with their figures. */
    private final Map<String, OtherReplica> replicas = new HashMap<>();
    /** The view over every replica: each online user's status and rooms. */
    private final Map<String, View> users = new HashMap<>();
    /** The view by room: the online members of each room. */
    private final Map<String, Set<String>> members = new HashMap<>();

    private static final class LocalUser {
        int connections;
        final Map<String, Integer> rooms = new HashMap<>();
        String status;
        long since;
    }

    private record Reported(Signal.UserPresence user, long seenAtNanos) {
    }

    private static final class OtherReplica {
        long seenAtNanos;
        long reportedAtMillis;
        ReplicaFigures figures;
    }

    private record View(String status, long since, Set<String> rooms) {
    }

    @Inject
    public KafkaPresence(SignalsThread thread, SignalsPublisher publisher, ReplicaId replica, RoomFanout fanout,
            ServerFrames frames, Hub hub, GatewayMetrics metrics, SignalsConfig config) {
        this.thread = thread;
        this.publisher = publisher;
        this.replica = replica;
        this.fanout = fanout;
        this.frames = frames;
        this.hub = hub;
        this.metrics = metrics;
        this.config = config;
        this.ttlNanos = config.presence().ttl().toNanos();
    }

    @PostConstruct
    void start() {
        hub.listen(this);
        thread.every(config.presence().heartbeat(), this::heartbeat);
        thread.every(Duration.ofNanos(Math.max(Duration.ofMillis(50).toNanos(),
                Math.min(ttlNanos / 20, Duration.ofSeconds(1).toNanos()))), this::expire);
    }

    // --- this replica's changes, from the event loops ---

    @Override
    public void opened(Session session) {
        String subject = session.subject();
        thread.execute(() -> {
            LocalUser user = local.get(subject);
            if (user != null) {
                user.connections++;
                return;
            }
            user = new LocalUser();
            user.connections = 1;
            View known = users.get(subject);
            // a user already online elsewhere keeps the status they set there
            user.status = known != null ? known.status() : STATUSES.get(0);
            user.since = known != null ? known.since() : System.currentTimeMillis();
            local.put(subject, user);
            changed(subject, user);
        });
    }

    @Override
    public void closed(Session session) {
        String subject = session.subject();
        thread.execute(() -> {
            LocalUser user = local.get(subject);
            if (user != null && --user.connections <= 0) {
                local.remove(subject);
                changed(subject, null);
            }
        });
    }

    @Override
    public void subscribed(Session session, String channel) {
        String subject = session.subject();
        String room = channel.substring(Channels.ROOM_PREFIX.length());
        thread.execute(() -> {
            LocalUser user = local.get(subject);
            if (user != null && user.rooms.merge(room, 1, Integer::sum) == 1) {
                changed(subject, user);
            }
        });
    }

    @Override
    public void unsubscribed(Session session, String channel) {
        String subject = session.subject();
        String room = channel.substring(Channels.ROOM_PREFIX.length());
        thread.execute(() -> {
            LocalUser user = local.get(subject);
            if (user != null && user.rooms.containsKey(room)
                    && user.rooms.merge(room, -1, Integer::sum) <= 0) {
                user.rooms.remove(room);
                changed(subject, user);
            }
        });
    }

    @Override
    public void status(String subject, String status) {
        long since = System.currentTimeMillis();
        thread.execute(() -> {
            LocalUser user = local.get(subject);
            if (user != null) {
                user.status = status;
                user.since = since;
                changed(subject, user);
            }
        });
    }

    private void changed(String subject, LocalUser user) {
        publisher.publish(replica.id(), new Signal.Presence(replica.id(), System.currentTimeMillis(),
                presence(subject, user)));
        recompute(subject);
    }

    private static Signal.UserPresence presence(String subject, LocalUser user) {
        if (user == null) {
            return new Signal.UserPresence(subject, OFFLINE, System.currentTimeMillis(), List.of());
        }
        return new Signal.UserPresence(subject, user.status, user.since, List.copyOf(new TreeSet<>(user.rooms.keySet())));
    }

    // --- the other replicas ---

    @Override
    public void received(Signal signal, long receivedAtMillis) {
        long now = System.nanoTime();
        if (signal instanceof Signal.Presence presence) {
            other(presence.replica(), now);
            Map<String, Reported> reported = remote.computeIfAbsent(presence.replica(), r -> new HashMap<>());
            Signal.UserPresence user = presence.user();
            if (OFFLINE.equals(user.status())) {
                reported.remove(user.user());
            } else {
                reported.put(user.user(), new Reported(user, now));
            }
            recompute(user.user());
        } else if (signal instanceof Signal.Heartbeat heartbeat) {
            OtherReplica other = other(heartbeat.replica(), now);
            if (heartbeat.figures() != null) {
                other.figures = heartbeat.figures();
                other.reportedAtMillis = heartbeat.at();
            }
            Map<String, Reported> reported = remote.computeIfAbsent(heartbeat.replica(), r -> new HashMap<>());
            for (Signal.UserPresence user : heartbeat.users()) {
                reported.put(user.user(), new Reported(user, now));
                recompute(user.user());
            }
        }
    }

    private OtherReplica other(String id, long now) {
        OtherReplica other = replicas.computeIfAbsent(id, r -> new OtherReplica());
        other.seenAtNanos = now;
        return other;
    }

    // --- timers ---

    private void heartbeat() {
        List<Signal.UserPresence> all = new ArrayList<>(local.size());
        local.forEach((subject, user) -> all.add(presence(subject, user)));
        long at = System.currentTimeMillis();
        ReplicaFigures figures = ReplicaFigures.of(hub, metrics);
        int from = 0;
        do {
            List<Signal.UserPresence> part = all.subList(from, Math.min(all.size(), from + USERS_PER_HEARTBEAT));
            publisher.publish(replica.id(), new Signal.Heartbeat(replica.id(), at, List.copyOf(part),
                    from == 0 ? figures : null));
            from += USERS_PER_HEARTBEAT;
        } while (from < all.size());
    }

    private void expire() {
        long now = System.nanoTime();
        List<String> expired = new ArrayList<>();
        for (Iterator<Map<String, Reported>> byReplica = remote.values().iterator(); byReplica.hasNext();) {
            Map<String, Reported> reported = byReplica.next();
            for (Iterator<Reported> entries = reported.values().iterator(); entries.hasNext();) {
                Reported entry = entries.next();
                if (now - entry.seenAtNanos() > ttlNanos) {
                    expired.add(entry.user().user());
                    entries.remove();
                }
            }
            if (reported.isEmpty()) {
                byReplica.remove();
            }
        }
        replicas.values().removeIf(other -> now - other.seenAtNanos > ttlNanos);
        expired.forEach(this::recompute);
    }

    // --- the view ---

    private void recompute(String subject) {
        View now = view(subject);
        View before = now == null ? users.remove(subject) : users.put(subject, now);
        Set<String> rooms = new HashSet<>();
        if (before != null) {
            rooms.addAll(before.rooms());
        }
        if (now != null) {
            rooms.addAll(now.rooms());
        }
        for (String room : rooms) {
            String was = statusIn(before, room);
            String is = statusIn(now, room);
            if (OFFLINE.equals(is)) {
                Set<String> inRoom = members.get(room);
                if (inRoom != null && inRoom.remove(subject) && inRoom.isEmpty()) {
                    members.remove(room);
                }
            } else {
                members.computeIfAbsent(room, r -> new HashSet<>()).add(subject);
            }
            if (!was.equals(is)) {
                byte[] frame = frames.write(frames.frame(FrameType.PRESENCE_CHANGED, null)
                        .put("room", room).put("user", subject).put("status", is));
                fanout.send(Channels.room(room), FrameType.PRESENCE_CHANGED, frame, subject);
            }
        }
    }

    private static String statusIn(View view, String room) {
        return view != null && view.rooms().contains(room) ? view.status() : OFFLINE;
    }

    /** The user over every replica, or null if offline everywhere. */
    private View view(String subject) {
        String status = null;
        long since = Long.MIN_VALUE;
        Set<String> rooms = new HashSet<>();
        LocalUser mine = local.get(subject);
        if (mine != null) {
            status = mine.status;
            since = mine.since;
            rooms.addAll(mine.rooms.keySet());
        }
        for (Map<String, Reported> reported : remote.values()) {
            Reported entry = reported.get(subject);
            if (entry == null) {
                continue;
            }
            rooms.addAll(entry.user().rooms());
            if (status == null || entry.user().since() > since) {
                status = entry.user().status();
                since = entry.user().since();
            }
        }
        return status == null ? null : new View(status, since, rooms);
    }

    // --- queries ---

    @Override
    public CompletionStage<List<Member>> online(String roomId) {
        return thread.call(() -> {
            Set<String> inRoom = members.getOrDefault(roomId, Set.of());
            return inRoom.stream()
                    .sorted()
                    .map(subject -> new Member(subject, users.get(subject).status()))
                    .toList();
        });
    }

    @Override
    public CompletionStage<Overview> overview() {
        return thread.call(() -> {
            List<ReplicaReport> reports = new ArrayList<>();
            reports.add(new ReplicaReport(replica.id(), true, System.currentTimeMillis(),
                    ReplicaFigures.of(hub, metrics)));
            replicas.entrySet().stream()
                    .filter(entry -> entry.getValue().figures != null)
                    .sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
                    .forEach(entry -> reports.add(new ReplicaReport(entry.getKey(), false,
                            entry.getValue().reportedAtMillis, entry.getValue().figures)));
            return new Overview(List.copyOf(reports), users.size());
        });
    }
}
