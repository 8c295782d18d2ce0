package dev.realtime.auth.repository;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.realtime.auth.model.User;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class UserRepository implements PanacheRepositoryBase<User, UUID> {

    /** The accounts with these ids; unknown ids are left out. */
    public List<User> findByIds(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }

    /**
     * One page of the accounts whose username or display name contains {@code text} (any case), by username.
     *
     * @param text null or blank: every account
     */
    public PanacheQuery<User> search(String text) {
        if (text == null || text.isBlank()) {
            return find("order by username");
        }
        String like = "%" + text.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
        return find("lower(username) like ?1 escape '\\' or lower(displayName) like ?1 escape '\\' order by username",
                like);
    }

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
