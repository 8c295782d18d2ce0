package dev.realtime.chat.repository;

import jakarta.enterprise.context.ApplicationScoped;

import dev.realtime.chat.model.AdminUser;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class AdminUserRepository implements PanacheRepositoryBase<AdminUser, String> {
}
