package dev.realtime.auth.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Configuration of auth-service: the tokens it issues, how it hashes passwords, its keys and its first admin. */
@ConfigMapping(prefix = "auth")
public interface AuthConfig {

    /** The access tokens this service issues. */
    Token token();

    /** How passwords are hashed. */
    Password password();

    /** The refresh tokens that keep a session alive past one access token. */
    Refresh refresh();

    /** Lockout after failed logins. */
    Throttle throttle();

    /** The signing keys and the JWKS that publishes them. */
    Keys keys();

    /** An administrator account created at start when both username and password are set. */
    BootstrapAdmin bootstrapAdmin();

    interface Token {

        /** The {@code iss} claim of every token; every service checks it ({@code mp.jwt.verify.issuer}). */
        @WithDefault("realtime-auth")
        String issuer();

        /** How long an access token is valid after it is issued. */
        @WithDefault("15m")
        Duration lifetime();
    }

    interface Refresh {

        /**
         * How long a refresh token stays valid after it is issued. Every refresh issues a new one, so a session
         * lasts as long as its client refreshes within this time.
         */
        @WithDefault("336h") // 14 days
        Duration lifetime();
    }

    interface Throttle {

        /** Failed logins for one username allowed before it is locked out. */
        @WithDefault("5")
        int accountFreeFailures();

        /** Failed logins from one client address allowed before it is locked out (many users may share one). */
        @WithDefault("20")
        int addressFreeFailures();

        /** The first lockout; each further failure doubles it. */
        @WithDefault("1s")
        Duration baseLockout();

        /** The longest lockout. */
        @WithDefault("15m")
        Duration maxLockout();

        /** A subject with no failure for this long starts counting from zero again. */
        @WithDefault("1h")
        Duration forgetAfter();
    }

    interface Password {

        /**
         * The bcrypt cost (log2 of the rounds), 4 to 31. Each step doubles the work of a login; raise it as
         * hardware gets faster. Existing hashes keep the cost they were made with. Checked at start by
         * {@code ConfigCheck} rather than with {@code @Min}/{@code @Max}: a constraint on any config mapping
         * makes Quarkus build a whole Hibernate Validator factory during static init, about a fifth of this
         * service's start-up.
         */
        @WithDefault("12")
        int bcryptCost();
    }

    interface Keys {

        /** How long clients and proxies may cache the JWKS ({@code Cache-Control: max-age}). */
        @WithDefault("5m")
        Duration jwksMaxAge();

        /** How often a replica re-reads the key table to see keys that another replica added or retired. */
        @WithDefault("1m")
        Duration refreshInterval();
    }

    interface BootstrapAdmin {

        /** Username of the administrator to create at start; needs {@link #password()} too. */
        Optional<String> username();

        /** Password of the administrator to create at start; needs {@link #username()} too. */
        Optional<String> password();
    }
}
