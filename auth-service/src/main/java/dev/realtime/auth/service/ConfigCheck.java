package dev.realtime.auth.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import dev.realtime.auth.config.AuthConfig;
import io.quarkus.runtime.StartupEvent;

/**
 * Refuses to start with configuration values out of range. These checks are code, not Bean Validation
 * constraints on {@link AuthConfig}: see {@link AuthConfig.Password#bcryptCost()}.
 */
@ApplicationScoped
public class ConfigCheck {

    static final int BCRYPT_COST_MIN = 4;
    static final int BCRYPT_COST_MAX = 31;

    private final AuthConfig config;

    @Inject
    public ConfigCheck(AuthConfig config) {
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        int cost = config.password().bcryptCost();
        if (cost < BCRYPT_COST_MIN || cost > BCRYPT_COST_MAX) {
            throw new IllegalStateException("auth.password.bcrypt-cost must be " + BCRYPT_COST_MIN + " to "
                    + BCRYPT_COST_MAX + ", not " + cost);
        }
    }
}
