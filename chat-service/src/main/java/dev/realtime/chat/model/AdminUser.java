package dev.realtime.chat.model;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A user with the admin role, as auth-service announced at registration; admins are members of booking rooms. */
@Entity
@Table(name = "admin_user")
public class AdminUser {

    @Id
    @Column(name = "user_id")
    public String userId;

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;
}
