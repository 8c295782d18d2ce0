package dev.realtime.auth.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import dev.realtime.auth.config.AuthConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Exponential lockout after failed logins, per username and per client address, counted in PostgreSQL
 * ({@code throttle.login_throttle}) so that every replica applies the same limits. A failure is one atomic upsert, so
 * failures arriving at several replicas at once are all counted.
 * <p>
 * A username is throttled whether or not the account exists, and the answer is the same: a lockout tells nobody
 * which usernames are real.
 */
@ApplicationScoped
public class LoginThrottle {

    private static final Logger LOG = Logger.getLogger(LoginThrottle.class);
    /** Doubling stops here; {@code maxLockout} caps the result long before. */
    private static final int MAX_DOUBLINGS = 30;
    /** Keeps a subject within {@code throttle.login_throttle.subject}. */
    private static final int MAX_NAME = 150;

    private final EntityManager entityManager;
    private final AuthConfig.Throttle config;

    @Inject
    public LoginThrottle(EntityManager entityManager, AuthConfig config) {
        this.entityManager = entityManager;
        this.config = config.throttle();
    }

    /** How long this login must wait, or {@link Duration#ZERO} if it may be tried now. */
    public Duration wait(String username, String address) {
        Instant now = Instant.now();
        return QuarkusTransaction.requiringNew().call(() -> {
            Number millis = (Number) entityManager
                    .createNativeQuery("select coalesce(max(extract(epoch from locked_until - :now) * 1000), 0)"
                            + " from throttle.login_throttle where subject in (:account, :address) and locked_until > :now")
                    .setParameter("account", account(username))
                    .setParameter("address", address(address))
                    .setParameter("now", now)
                    .getSingleResult();
            return Duration.ofMillis(millis.longValue());
        });
    }

    /** Counts a failed login against the username and the address. */
    public void failed(String username, String address) {
        QuarkusTransaction.requiringNew().run(() -> {
            record(account(username), config.accountFreeFailures());
            record(address(address), config.addressFreeFailures());
        });
    }

    /** A successful login forgets the username's failures (not the address's: one good account must not reset it). */
    public void succeeded(String username) {
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("delete from throttle.login_throttle where subject = :account")
                .setParameter("account", account(username))
                .executeUpdate());
    }

    private void record(String subject, int freeFailures) {
        Instant now = Instant.now();
        int failures = ((Number) entityManager.createNativeQuery("""
                insert into throttle.login_throttle as t (subject, failures, last_failure_at) values (:subject, 1, :now)
                on conflict (subject) do update set
                    failures = case when t.last_failure_at < :forgetBefore then 1
                                    else t.failures + 1 end,
                    last_failure_at = :now
                returning failures""")
                .setParameter("subject", subject)
                .setParameter("now", now)
                .setParameter("forgetBefore", now.minus(config.forgetAfter()))
                .getSingleResult()).intValue();
        if (failures <= freeFailures) {
            return;
        }
        Duration lockout = lockout(failures - freeFailures);
        entityManager.createNativeQuery("update throttle.login_throttle set locked_until = :until where subject = :subject")
                .setParameter("until", now.plus(lockout))
                .setParameter("subject", subject)
                .executeUpdate();
        LOG.infof("Login throttled for %s: %d failures, locked for %s", subject, failures, lockout);
    }

    /** {@code baseLockout} doubled for each failure over the allowance but the first, at most {@code maxLockout}. */
    Duration lockout(int failuresOverAllowance) {
        int doublings = Math.min(failuresOverAllowance - 1, MAX_DOUBLINGS);
        Duration lockout = config.baseLockout().multipliedBy(1L << doublings);
        return lockout.compareTo(config.maxLockout()) > 0 ? config.maxLockout() : lockout;
    }

    private static String account(String username) {
        // a name longer than any username is never an account; its prefix still counts its failures
        String name = username.length() > MAX_NAME ? username.substring(0, MAX_NAME) : username;
        return "account:" + name.toLowerCase(Locale.ROOT);
    }

    private static String address(String address) {
        return "address:" + (address.length() > MAX_NAME ? address.substring(0, MAX_NAME) : address);
    }
}
