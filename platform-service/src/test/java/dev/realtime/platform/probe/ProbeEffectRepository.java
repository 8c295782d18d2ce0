package dev.realtime.platform.probe;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ProbeEffectRepository implements PanacheRepositoryBase<ProbeEffect, Long> {

    public long countFor(String eventId) {
        return count("eventId", eventId);
    }
}
