package dev.realtime.platform.probe;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What one consumed probe event did. A negative amount breaks a check constraint: a poison record. */
@Entity
@Table(name = "probe_effect")
public class ProbeEffect {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id", nullable = false)
    public String eventId;

    @Column(nullable = false)
    public String subject;

    @Column(nullable = false)
    public int amount;
}
