package dev.realtime.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the notification service. */
@ConfigMapping(prefix = "notification")
public interface NotificationConfig {

    /** Most notifications one list call returns. */
    @WithDefault("50")
    int pageSize();
}
