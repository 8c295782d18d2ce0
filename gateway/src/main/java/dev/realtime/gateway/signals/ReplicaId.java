package dev.realtime.gateway.signals;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * This process's name on {@code gateway.signals}: a random UUID per start, so a restarted replica is a new one and
 * its predecessor's users expire with the predecessor's heartbeats.
 */
@ApplicationScoped
public class ReplicaId {

    private final String id = UUID.randomUUID().toString();

    public String id() {
        return id;
    }

    public boolean isMine(String replica) {
        return id.equals(replica);
    }
}
