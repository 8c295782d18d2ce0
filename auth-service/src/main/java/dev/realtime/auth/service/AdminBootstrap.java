package dev.realtime.auth.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.realtime.auth.config.AuthConfig;
import dev.realtime.auth.model.Role;
import dev.realtime.platform.problem.ProblemException;
import io.quarkus.runtime.StartupEvent;

/**
 * Creates the administrator named by {@code auth.bootstrap-admin.*} at start, so a fresh installation has an
 * account that holds the admin role. An existing account of that name is left as it is: its password may
 * have been changed since, and restarting must not reset it.
 */
@ApplicationScoped
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);

    private final AuthConfig.BootstrapAdmin config;
    private final UserService users;

    @Inject
    public AdminBootstrap(AuthConfig config, UserService users) {
        this.config = config.bootstrapAdmin();
        this.users = users;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.username().isEmpty() && config.password().isEmpty()) {
            return;
        }
        if (config.username().isEmpty() || config.password().isEmpty()) {
            throw new IllegalStateException(
                    "set both auth.bootstrap-admin.username and auth.bootstrap-admin.password, or neither");
        }
        String username = config.username().get();
        if (!AccountRules.validUsername(username)) {
            throw new IllegalStateException("auth.bootstrap-admin.username " + AccountRules.USERNAME_MESSAGE);
        }
        if (!AccountRules.validPassword(config.password().get())) {
            throw new IllegalStateException("auth.bootstrap-admin.password " + AccountRules.PASSWORD_MESSAGE);
        }
        if (users.exists(username)) {
            // the usual case after the first start; checked first to spare start-up a password hash
            LOG.debugf("Bootstrap administrator '%s' exists already", username);
            return;
        }
        try {
            users.register(username, config.password().get(), null, Role.ADMINISTRATOR);
            LOG.infof("Created bootstrap administrator '%s'", UserService.normaliseUsername(username));
        } catch (ProblemException e) {
            if (e.problem().status() != 409) {
                throw e;
            }
            // created by an earlier start, or by another replica starting at the same time
            LOG.debugf("Bootstrap administrator '%s' exists already", username);
        }
    }
}
