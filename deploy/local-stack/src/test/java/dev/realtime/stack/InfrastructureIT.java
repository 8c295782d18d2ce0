package dev.realtime.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The stack's own infrastructure, without the services: PostgreSQL with a database per service, and a Kafka broker
 * process that can be stopped and started again on the same port and data. Runs after {@code package}, because
 * the broker runs on {@code target/lib}.
 */
class InfrastructureIT {

    private static final String TOPIC = "stack.infrastructure-it";

    @Test
    void postgresAndAKafkaBrokerThatRestartsOnTheSameData() throws Exception {
        Path workDir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "infrastructure-it-");
        LocalStack stack = LocalStack.builder()
                .workDir(workDir)
                .ports(StackPorts.free())
                .without(List.of(Service.values()))
                .readyTimeout(Duration.ofMinutes(2))
                .build();
        try (stack) {
            stack.start();

            for (String database : List.of("auth", "chat", "booking", "notification")) {
                assertEquals(database, currentDatabase(stack.jdbcUrl(database)));
            }

            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    stack.kafkaBootstrapServers()))) {
                Config broker = admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.BROKER, "1")))
                        .all().get(30, TimeUnit.SECONDS).values().iterator().next();
                assertEquals("false", broker.get("auto.create.topics.enable").value());
                admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
                producer.send(new ProducerRecord<>(TOPIC, "key", "before the restart")).get(30, TimeUnit.SECONDS);
            }

            stack.kafka().stop();
            assertFalse(stack.kafka().isRunning());
            assertThrows(ConnectException.class, () -> new Socket("localhost", stack.ports().kafka()).close(),
                    "nothing listens on the Kafka port while it is stopped");

            stack.kafka().start();
            assertEquals("before the restart", firstRecord(stack.kafkaBootstrapServers()).value(),
                    "the restarted broker has the same data");
        }

        Path run = workDir.resolve("run");
        try (Stream<Path> pidFiles = Files.list(run)) {
            assertEquals(List.of(), pidFiles.toList(), "no pid file is left after close");
        }
        assertThrows(SQLException.class, () -> currentDatabase(stack.jdbcUrl("auth")), "PostgreSQL is stopped");
        assertThrows(ConnectException.class, () -> new Socket("localhost", stack.ports().kafka()).close(),
                "Kafka is stopped");
        assertTrue(Files.size(workDir.resolve("logs/kafka.log")) > 0);
    }

    private static String currentDatabase(String jdbcUrl) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, PostgresServer.USER, PostgresServer.PASSWORD);
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select current_database()")) {
            row.next();
            return row.getString(1);
        }
    }

    private static ConsumerRecord<String, String> firstRecord(String bootstrapServers) throws IOException {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            TopicPartition partition = new TopicPartition(TOPIC, 0);
            consumer.assign(Set.of(partition));
            consumer.seekToBeginning(Set.of(partition));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    return record;
                }
            }
            throw new AssertionError("no record on " + TOPIC + " within 30 s");
        }
    }
}
