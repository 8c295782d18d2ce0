package dev.realtime.gateway.support;

import java.util.UUID;

import dev.realtime.platform.event.Topics;
import dev.realtime.platform.test.TopicWriter;

/**
 * Another gateway replica as the one under test hears it: signals written to {@code gateway.signals} in the form
 * docs/protocol.md ("gateway.signals") gives, by a test that plays that replica.
 */
public final class OtherReplica implements AutoCloseable {

    private final String id = UUID.randomUUID().toString();
    private final TopicWriter writer = TopicWriter.open();

    public String id() {
        return id;
    }

    public void typing(String room, String user, String state) {
        writer.to(Topics.GATEWAY_SIGNALS).key(room).send("{\"v\":1,\"kind\":\"typing\",\"replica\":\"" + id
                + "\",\"at\":" + System.currentTimeMillis() + ",\"room\":\"" + room + "\",\"user\":\"" + user
                + "\",\"state\":\"" + state + "\"}");
    }

    /** A heartbeat naming one user, in one room, with this status; with figures of 7 connections and 5 users. */
    public void heartbeat(String user, String status, String room) {
        long now = System.currentTimeMillis();
        writer.to(Topics.GATEWAY_SIGNALS).key(id).send("{\"v\":1,\"kind\":\"heartbeat\",\"replica\":\"" + id
                + "\",\"at\":" + now + ",\"users\":[{\"user\":\"" + user + "\",\"status\":\"" + status
                + "\",\"since\":" + now + ",\"rooms\":[\"" + room + "\"]}],\"figures\":{\"connections\":7,"
                + "\"usersOnline\":5,\"subscriptions\":{\"room\":3,\"user\":7},\"framesIn\":{\"typing\":11},"
                + "\"framesOut\":{\"typing\":13}}}");
    }

    /** The user's last socket on this replica closed. */
    public void offline(String user) {
        long now = System.currentTimeMillis();
        writer.to(Topics.GATEWAY_SIGNALS).key(id).send("{\"v\":1,\"kind\":\"presence\",\"replica\":\"" + id
                + "\",\"at\":" + now + ",\"user\":\"" + user + "\",\"status\":\"offline\",\"since\":" + now
                + ",\"rooms\":[]}");
    }

    @Override
    public void close() {
        writer.close();
    }
}
