package dev.realtime.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the notification service. */
@ConfigMapping(prefix = "notification")
public interface NotificationConfig {

    /** The topic notification events (new, read, unread counts) are published to. */
    @WithDefault("notification.events")
    String topic();

    /** Most notifications one list call returns. */
    @WithDefault("50")
    int pageSize();
}
