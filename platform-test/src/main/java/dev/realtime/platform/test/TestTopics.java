package dev.realtime.platform.test;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.TopicDescription;

/** What the test broker knows about topics, and the one change tests make to them: adding a partition. */
public final class TestTopics {

    private static final long TIMEOUT_SECONDS = 15;

    private TestTopics() {
    }

    /** The number of partitions of each of these topics, which must exist. */
    public static Map<String, Integer> partitionCounts(Collection<String> topics) {
        try (Admin admin = admin()) {
            Map<String, TopicDescription> descriptions = admin.describeTopics(topics).allTopicNames()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return descriptions.entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().partitions().size()));
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("cannot describe topics " + topics, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Adds one partition to an existing topic; returns the new partition's number. */
    public static int addPartition(String topic) {
        int partitions = partitionCounts(List.of(topic)).get(topic);
        try (Admin admin = admin()) {
            admin.createPartitions(Map.of(topic, NewPartitions.increaseTo(partitions + 1))).all()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return partitions;
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("cannot add a partition to " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()));
    }
}
