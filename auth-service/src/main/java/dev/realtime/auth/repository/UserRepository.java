package dev.realtime.auth.repository;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.realtime.auth.model.User;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class UserRepository implements PanacheRepositoryBase<User, UUID> {

    /** The account with this (already lower-cased) username. */
    public Optional<User> findByUsername(String username) {
        return find("username", username).firstResultOptional();
    }

    /**
     * Native SQL rather than Panache's HQL: this runs at start (the bootstrap admin), and the first HQL query
     * of a process pays for initialising Hibernate's query parser.
     */
    public boolean existsByUsername(String username) {
        return (Boolean) getEntityManager()
                .createNativeQuery("select exists (select 1 from app_user where username = :username)")
                .setParameter("username", username)
                .getSingleResult();
    }
}
