package dev.realtime.bench.scenario;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

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
import dev.realtime.stack.LocalStack;
import dev.realtime.stack.Service;
import io.vertx.core.Vertx;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * REST to socket: a customer who logged in at auth-service books over REST ({@code POST /bookings} at
 * booking-service) at a set rate while their gateway socket is open; the latency is from the request leaving to
 * the {@code booking.created} event arriving on the socket, so it includes the transaction, the outbox relay, Kafka
 * and the gateway.
 */
@Command(name = "rest-to-socket", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Bookings created over REST at a set rate; latency until the customer's socket has each "
                + "booking.created event (outbox included).")
public final class RestToSocketCommand implements Callable<Integer> {


    @Spec
    CommandSpec spec;

    @Mixin
    UserOptions options;

    @Mixin
    RunOptions run;

    @Override
    public Integer call() throws Exception {
        ResultDir dir = ResultDir.create(run.resultsParent(), "rest-to-socket");
        ScenarioReport report = new ScenarioReport("rest-to-socket",
                spec.commandLine().getParseResult().originalArgs());
        Figures warm;
        Figures measured;
        Vertx vertx = Vertx.vertx();
        try (ServiceStack stack = ServiceStack.start(dir.work(), EnumSet.of(Service.BOOKING),
                run.readyTimeout())) {
            ApiClient api = new ApiClient();
            URI auth = stack.baseUri(Service.AUTH);
            String username = "bench-" + UUID.randomUUID().toString().substring(0, 8);
            api.register(auth, username, "bench-password-1", "Bench customer").expect(201);
            String token = api.accessToken(auth, username, "bench-password-1");
            // a tour with room for every booking of the run, created by the stack's admin
            String admin = api.accessToken(auth, LocalStack.ADMIN_USERNAME, LocalStack.ADMIN_PASSWORD);
            tourId = api.createTour(stack.baseUri(Service.BOOKING), admin, "bench-tour-" + UUID.randomUUID(), 100_000,
                    LocalDate.now(ZoneOffset.UTC).plusDays(30)).expect(201).json().path("id").asText();
            Map<String, Long> sent = new ConcurrentHashMap<>();
            Map<String, Long> arrived = new ConcurrentHashMap<>();
            try (BenchSocket socket = BenchSocket.connect(BenchSocket.client(vertx), stack.gatewaySocket(), token,
                    (text, at) -> {
                        JsonNode frame = Frames.parse(text);
                        JsonNode event = frame.path("event");
                        if ("booking.created".equals(event.path("type").asText())) {
                            arrived.putIfAbsent(event.path("data").path("id").asText(), at);
                        }
                    })) {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                URI bookings = stack.baseUri(Service.BOOKING).resolve("/bookings");
                warm = options.warmupSeconds > 0
                        ? phase("warm-up", http, bookings, token, FanoutCommand.seconds(options.warmupSeconds), sent,
                                arrived)
                        : null;
                measured = phase("measured", http, bookings, token, FanoutCommand.seconds(options.durationSeconds),
                        sent, arrived);
            }
        } finally {
            vertx.close();
        }
        Map<String, Figures> columns = new LinkedHashMap<>();
        if (warm != null) {
            columns.put("warm-up", warm);
        }
        columns.put("measured", measured);
        report.put("options", Map.of("rate", options.rate, "durationSeconds", options.durationSeconds,
                "warmupSeconds", options.warmupSeconds)).put("figures", columns);
        report.markdown("One customer, logged in at auth-service, creates bookings over REST at " + options.rate
                + "/s while their gateway socket is open. Latency: request sent until `booking.created` is on the "
                + "socket (booking-service transaction, outbox relay, Kafka, gateway).\n\n")
                .markdown(Markdown.table("figure", columns));
        report.write(dir, "REST to socket");
        return 0;
    }

    /** The tour every booking of the run is made on. */
    private String tourId;

    private Figures phase(String label, HttpClient http, URI bookings, String token, Duration duration,
            Map<String, Long> sent, Map<String, Long> arrived) throws InterruptedException {
        Map<String, Long> mine = new ConcurrentHashMap<>();
        Histogram rest = new Histogram(3);
        AtomicLong failed = new AtomicLong();
        long requests = Pacer.run(options.rate, duration, 0, i -> {
            long at = System.nanoTime();
            HttpRequest request = HttpRequest.newBuilder(bookings)
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"tourId\":\"" + tourId + "\",\"guests\":1}"))
                    .build();
            http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                if (error != null || response.statusCode() != 201) {
                    failed.incrementAndGet();
                    return;
                }
                synchronized (rest) {
                    rest.recordValue((System.nanoTime() - at) / 1000);
                }
                String id = Frames.parse(response.body()).path("id").asText();
                mine.put(id, at);
                sent.put(id, at);
            });
        });
        long deadline = System.nanoTime() + FanoutCommand.seconds(options.waitSeconds).toNanos();
        while (System.nanoTime() < deadline && (mine.size() + failed.get() < requests
                || !arrived.keySet().containsAll(mine.keySet()))) {
            TimeUnit.MILLISECONDS.sleep(100);
        }
        Histogram toSocket = new Histogram(3);
        long missing = 0;
        for (Map.Entry<String, Long> booking : mine.entrySet()) {
            Long at = arrived.get(booking.getKey());
            if (at == null) {
                missing++;
            } else {
                toSocket.recordValue(Math.max(0, (at - booking.getValue()) / 1000));
            }
        }
        Latency socket = Latency.of(toSocket);
        Latency response = Latency.of(rest);
        return new Figures()
                .with("phase", label)
                .with("requests", requests)
                .with("created (201)", (long) mine.size())
                .with("failed", failed.get())
                .with("events on the socket", toSocket.getTotalCount())
                .with("events missing", missing)
                .with("REST to socket p50 ms", socket.p50Ms())
                .with("REST to socket p99 ms", socket.p99Ms())
                .with("REST to socket p99.9 ms", socket.p999Ms())
                .with("REST to socket max ms", socket.maxMs())
                .with("REST response p50 ms", response.p50Ms())
                .with("REST response p99 ms", response.p99Ms());
    }


}
