package dev.realtime.auth.service;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;

import org.hibernate.exception.ConstraintViolationException;

import dev.realtime.auth.event.UserEvents;
import dev.realtime.auth.model.Role;
import dev.realtime.auth.model.User;
import dev.realtime.auth.repository.UserRepository;
import dev.realtime.platform.outbox.Outbox;
import dev.realtime.platform.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Accounts: registration, password checks and changes, lookups, and what admins do to accounts. */
@ApplicationScoped
public class UserService {

    private static final String UNIQUE_USERNAME = "app_user_username_key";

    private final UserRepository users;
    private final PasswordHasher passwords;
    private final Outbox outbox;
    private final Sessions sessions;

    @Inject
    public UserService(UserRepository users, PasswordHasher passwords, Outbox outbox, Sessions sessions) {
        this.users = users;
        this.passwords = passwords;
        this.outbox = outbox;
        this.sessions = sessions;
    }

    /** Usernames are case-insensitive: they are compared and stored lower-cased. */
    public static String normaliseUsername(String username) {
        return username.toLowerCase(Locale.ROOT);
    }

    /**
     * Creates an account and records {@code user.registered} in the same transaction, so the event is published
     * if and only if the account exists.
     *
     * @param displayName shown to other users; the username when absent or blank
     * @throws ProblemException 409 {@code username-taken} if the username is in use
     */
    public User register(String username, String password, String displayName, List<String> roles) {
        String normalised = normaliseUsername(username);
        // hashing is slow on purpose: do it before the transaction rather than holding a connection meanwhile
        String hash = passwords.hash(password);
        return QuarkusTransaction.requiringNew().call(() -> {
            if (users.existsByUsername(normalised)) {
                throw usernameTaken(normalised);
            }
            User user = new User();
            user.id = UUID.randomUUID();
            user.username = normalised;
            user.displayName = displayName == null || displayName.isBlank() ? normalised : displayName.strip();
            user.passwordHash = hash;
            user.roles = List.copyOf(roles);
            user.createdAt = Instant.now();
            try {
                users.persistAndFlush(user);
            } catch (PersistenceException e) {
                // another request registered the same name between the check and the insert
                if (isUniqueUsernameViolation(e)) {
                    throw usernameTaken(normalised);
                }
                throw e;
            }
            outbox.publish(UserEvents.TOPIC, UserEvents.registered(user), UserEvents.channels(user));
            return user;
        });
    }

    /**
     * The account with these credentials.
     *
     * @throws ProblemException 401 {@code invalid-credentials}, the same answer after the same work whether the
     *                          username is unknown or the password wrong; 403 {@code account-disabled} for the right
     *                          password of a disabled account
     */
    public User authenticate(String username, String password) {
        Optional<User> user = QuarkusTransaction.joiningExisting()
                .call(() -> users.findByUsername(normaliseUsername(username)));
        if (user.isEmpty()) {
            passwords.compareWithDecoy(password);
            throw invalidCredentials();
        }
        if (!passwords.matches(password, user.get().passwordHash)) {
            throw invalidCredentials();
        }
        if (user.get().disabled()) {
            // told only to someone who knows the password: it reveals nothing to a guesser
            throw new ProblemException(403, "account-disabled", "Account disabled",
                    "an administrator disabled this account");
        }
        return user.get();
    }

    /** Whether an account has this username, in any letter case. */
    public boolean exists(String username) {
        return QuarkusTransaction.joiningExisting().call(() -> users.existsByUsername(normaliseUsername(username)));
    }

    /**
     * Replaces the password after checking the current one, and ends the user's other sessions: whoever knew the
     * old password is logged out everywhere but here.
     *
     * @param keepSession the caller's session, left open; null ends every one
     * @throws ProblemException 403 {@code wrong-password} if {@code current} is not the password
     */
    public void changePassword(UUID id, String current, String replacement, UUID keepSession) {
        User user = find(id).orElseThrow(() -> ProblemException.notFound("the account"));
        if (!passwords.matches(current, user.passwordHash)) {
            throw new ProblemException(403, "wrong-password", "Wrong password", "the current password is wrong");
        }
        String hash = passwords.hash(replacement);
        QuarkusTransaction.requiringNew().run(() -> {
            users.update("passwordHash = ?1 where id = ?2", hash, id);
            sessions.revokeAll(id, keepSession, Sessions.PASSWORD_CHANGED);
        });
    }

    /** The accounts with these ids, in no particular order; unknown ids are left out. */
    public List<User> findAll(Collection<UUID> ids) {
        return QuarkusTransaction.joiningExisting().call(() -> users.findByIds(ids));
    }

    /** A page of accounts matching {@code text} (see {@link UserRepository#search}), and how many match in all. */
    public Page search(String text, int page, int size) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            PanacheQuery<User> query = users.search(text).page(io.quarkus.panache.common.Page.of(page, size));
            return new Page(query.list(), query.count());
        });
    }

    /** One page of a search. */
    public record Page(List<User> users, long total) {
    }

    /**
     * Gives the account exactly these roles and publishes {@code user.roles-changed}; nothing when they are the
     * roles it has.
     */
    public User changeRoles(UUID id, Collection<String> roles) {
        List<String> wanted = Role.canonical(roles);
        return QuarkusTransaction.requiringNew().call(() -> {
            User user = lock(id);
            List<String> previous = List.copyOf(user.roles);
            if (!previous.equals(wanted)) {
                user.roles = wanted;
                outbox.publish(UserEvents.TOPIC, UserEvents.rolesChanged(user, previous), UserEvents.channels(user));
            }
            return user;
        });
    }

    /**
     * Disables the account: it can no longer log in or refresh, its sessions end, and {@code user.disabled} is
     * published. Disabling a disabled account changes nothing.
     *
     * @throws ProblemException 409 {@code cannot-disable-self} when an admin would lock themselves out
     */
    public User disable(UUID id, UUID byAdmin) {
        if (id.equals(byAdmin)) {
            throw ProblemException.conflict("cannot-disable-self", "an administrator cannot disable their own account");
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            User user = lock(id);
            if (!user.disabled()) {
                user.disabledAt = Instant.now();
                sessions.revokeAll(id, null, Sessions.DISABLED);
                outbox.publish(UserEvents.TOPIC, UserEvents.disabled(user), UserEvents.channels(user));
            }
            return user;
        });
    }

    private User lock(UUID id) {
        return users.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("the account"));
    }

    public Optional<User> find(UUID id) {
        return QuarkusTransaction.joiningExisting().call(() -> users.findByIdOptional(id));
    }

    private static boolean isUniqueUsernameViolation(PersistenceException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation
                    && UNIQUE_USERNAME.equals(violation.getConstraintName())) {
                return true;
            }
        }
        return false;
    }

    private static ProblemException usernameTaken(String username) {
        return ProblemException.conflict("username-taken", "the username '" + username + "' is already taken");
    }

    private static ProblemException invalidCredentials() {
        return new ProblemException(401, "invalid-credentials", "Invalid credentials",
                "the username or the password is wrong");
    }
}
