package dev.realtime.bench.scenario;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import org.HdrHistogram.Histogram;

import dev.realtime.bench.client.BenchSocket;
import dev.realtime.bench.measure.Latency;
import dev.realtime.bench.load.Pacer;
import dev.realtime.bench.report.Figures;
import dev.realtime.bench.report.Markdown;
import dev.realtime.bench.report.ResultDir;
import dev.realtime.bench.server.ServiceStack;
import dev.realtime.client.ApiClient;
import dev.realtime.stack.Service;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Chat round trip, built to the contract (docs: notes/contracts.md, protocol v1): the members of a room, each
 * logged in at auth-service, subscribe to {@code room:<id>}; one sends {@code {"type":"send",...}} frames at a set
 * rate; the gateway turns each into a {@code chat.send-message} command on {@code chat.commands}, chat-service stores
 * it and publishes {@code message.posted} to the room, and the latency is from the frame leaving to each member's
 * receipt. What the stack does not do yet (a membership API, subscriptions, the send frame) is reported as
 * {@code "status":"unsupported"} with what is missing, not as a failure.
 */
@Command(name = "chat", mixinStandardHelpOptions = true, sortOptions = false,
        description = "A member sends over the socket at a set rate; latency until every member of the room has "
                + "the message (needs chat-service's membership API and the gateway's subscribe and send frames).")
public final class ChatRoundTripCommand implements Callable<Integer> {

    /** What the result's {@code status} says when the stack cannot run the scenario yet. */
    public static final String UNSUPPORTED = "unsupported";
    private static final Duration ANSWER = Duration.ofSeconds(10);
    private static final String PASSWORD = "bench-password-1";

    @Spec
    CommandSpec spec;

    @Mixin
    UserOptions options;

    @Mixin
    RunOptions run;

    @Option(names = "--members", paramLabel = "<n>", defaultValue = "3",
            description = "members of the room, the sender included (default: ${DEFAULT-VALUE})")
    int members;

    /** Frames a member received: acks and errors by frame id, message.posted arrivals by clientMessageId. */
    private static final class Member {
        final String token;
        final String subject;
        final Map<String, JsonNode> answers = new ConcurrentHashMap<>();
        final Map<String, Long> answered = new ConcurrentHashMap<>();
        final Map<String, Long> posted = new ConcurrentHashMap<>();
        BenchSocket socket;

        Member(String token) {
            this.token = token;
            this.subject = subject(token);
        }

        void frame(String text, long at) {
            JsonNode frame = Frames.parse(text);
            String type = frame.path("type").asText();
            if ("event".equals(type) && "message.posted".equals(frame.path("event").path("type").asText())) {
                posted.putIfAbsent(frame.path("event").path("data").path("clientMessageId").asText(), at);
            } else if (frame.has("id")) {
                answered.putIfAbsent(frame.path("id").asText(), at);
                answers.putIfAbsent(frame.path("id").asText(), frame);
            }
        }
    }

    @Override
    public Integer call() throws Exception {
        ResultDir dir = ResultDir.create(run.resultsParent(), "chat");
        ScenarioReport report = new ScenarioReport("chat", spec.commandLine().getParseResult().originalArgs());
        List<String> missing = new ArrayList<>();
        Map<String, Figures> columns = new LinkedHashMap<>();
        Vertx vertx = Vertx.vertx();
        try (ServiceStack stack = ServiceStack.start(dir.work(), EnumSet.of(Service.CHAT), run.readyTimeout())) {
            ApiClient api = new ApiClient();
            URI auth = stack.baseUri(Service.AUTH);
            URI chat = stack.baseUri(Service.CHAT);
            List<Member> room = new ArrayList<>();
            for (int i = 0; i < members; i++) {
                String username = "bench-" + UUID.randomUUID().toString().substring(0, 8);
                api.register(auth, username, PASSWORD, "Bench member " + i).expect(201);
                room.add(new Member(api.accessToken(auth, username, PASSWORD)));
            }
            Member sender = room.get(0);
            String roomId = api.post(chat.resolve("/rooms"), Map.of("name", "bench room"), sender.token).expect(201)
                    .json().path("id").asText();
            for (Member member : room.subList(1, room.size())) {
                if (!join(api, chat, roomId, sender, member)) {
                    missing.add("chat-service: the owner could not add a member (PUT /rooms/{id}/members/{userId})");
                    break;
                }
            }
            WebSocketClient client = BenchSocket.client(vertx);
            for (Member member : room) {
                member.socket = BenchSocket.connect(client, stack.gatewaySocket(), member.token, member::frame);
            }
            for (Member member : room) {
                member.socket.send("{\"type\":\"subscribe\",\"id\":\"sub\",\"channel\":\"room:" + roomId + "\"}");
            }
            for (Member member : room) {
                JsonNode answer = await(member, "sub");
                if (answer == null || !"subscribed".equals(answer.path("type").asText())) {
                    missing.add("gateway: the subscribe frame (answer: " + answer + ")");
                    break;
                }
            }
            sender.socket.send(sendFrame("probe", roomId, "probe"));
            JsonNode probe = await(sender, "probe");
            if (probe == null || !"sent".equals(probe.path("type").asText())) {
                missing.add("gateway: the send frame, contracts.md (answer: " + probe + ")");
            }
            if (missing.isEmpty()) {
                if (options.warmupSeconds > 0) {
                    columns.put("warm-up", load("w", room, roomId, FanoutCommand.seconds(options.warmupSeconds)));
                }
                columns.put("measured", load("m", room, roomId, FanoutCommand.seconds(options.durationSeconds)));
            }
            room.forEach(member -> member.socket.close());
        } finally {
            vertx.close();
        }
        report.put("status", missing.isEmpty() ? "ok" : UNSUPPORTED).put("missing", missing)
                .put("options", Map.of("members", members, "rate", options.rate,
                        "durationSeconds", options.durationSeconds))
                .put("figures", columns);
        report.markdown(members + " members in one room; one sends `send` frames at " + options.rate + "/s. "
                + "Latency: the frame leaving until each member has the `message.posted` event (gateway, "
                + "the commands topic, chat-service, outbox, the chat events topic, gateway).\n\n");
        if (missing.isEmpty()) {
            report.markdown(Markdown.table("figure", columns));
        } else {
            report.markdown("**Not run: the stack does not support it yet.** Missing:\n\n");
            missing.forEach(what -> report.markdown("- " + what + "\n"));
        }
        report.write(dir, "Chat round trip");
        return 0;
    }

    private Figures load(String prefix, List<Member> room, String roomId, Duration duration) throws InterruptedException {
        Member sender = room.get(0);
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        long sent = Pacer.run(options.rate, duration, 0, i -> {
            String id = prefix + i;
            sentAt.put(id, System.nanoTime());
            sender.socket.send(sendFrame(id, roomId, "bench message " + i));
        });
        long deadline = System.nanoTime() + FanoutCommand.seconds(options.waitSeconds).toNanos();
        while (System.nanoTime() < deadline && room.stream().anyMatch(m -> !m.posted.keySet().containsAll(
                sentAt.keySet()))) {
            TimeUnit.MILLISECONDS.sleep(100);
        }
        Histogram delivery = new Histogram(3);
        Histogram ack = new Histogram(3);
        long lost = 0;
        for (Map.Entry<String, Long> message : sentAt.entrySet()) {
            for (Member member : room) {
                Long at = member.posted.get(message.getKey());
                if (at == null) {
                    lost++;
                } else {
                    delivery.recordValue(Math.max(0, (at - message.getValue()) / 1000));
                }
            }
            Long acked = sender.answered.get(message.getKey());
            if (acked != null) {
                ack.recordValue(Math.max(0, (acked - message.getValue()) / 1000));
            }
        }
        Latency received = Latency.of(delivery);
        Latency acks = Latency.of(ack);
        return new Figures()
                .with("sent", sent)
                .with("acknowledged (sent frame)", ack.getTotalCount())
                .with("deliveries expected", sent * room.size())
                .with("delivered", delivery.getTotalCount())
                .with("lost", lost)
                .with("send to member p50 ms", received.p50Ms())
                .with("send to member p99 ms", received.p99Ms())
                .with("send to member p99.9 ms", received.p999Ms())
                .with("send to member max ms", received.maxMs())
                .with("send to ack p50 ms", acks.p50Ms())
                .with("send to ack p99 ms", acks.p99Ms());
    }

    /** Adds a member by the room's owner: {@code PUT /rooms/{id}/members/{userId}}. */
    private static boolean join(ApiClient api, URI chat, String roomId, Member owner, Member member) {
        return api.put(chat.resolve("/rooms/" + roomId + "/members/" + member.subject), owner.token).status() / 100 == 2;
    }

    private static JsonNode await(Member member, String id) throws InterruptedException {
        long deadline = System.nanoTime() + ANSWER.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode answer = member.answers.get(id);
            if (answer != null) {
                return answer;
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        return null;
    }

    private static String sendFrame(String id, String roomId, String body) {
        return "{\"type\":\"send\",\"id\":\"" + id + "\",\"room\":\"" + roomId + "\",\"clientMessageId\":\"" + id
                + "\",\"body\":\"" + body + "\"}";
    }

    private static String subject(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return Frames.parse(payload).path("sub").asText();
    }

}
