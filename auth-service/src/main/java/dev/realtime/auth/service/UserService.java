package dev.realtime.auth.service;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;

import org.hibernate.exception.ConstraintViolationException;

import dev.realtime.auth.event.UserEvents;
import dev.realtime.auth.model.User;
import dev.realtime.auth.repository.UserRepository;
import dev.realtime.platform.outbox.Outbox;
import dev.realtime.platform.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Accounts: registration and password checks. */
@ApplicationScoped
public class UserService {

    private static final String UNIQUE_USERNAME = "app_user_username_key";

    private final UserRepository users;
    private final PasswordHasher passwords;
    private final Outbox outbox;

    @Inject
    public UserService(UserRepository users, PasswordHasher passwords, Outbox outbox) {
        this.users = users;
        this.passwords = passwords;
        this.outbox = outbox;
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
