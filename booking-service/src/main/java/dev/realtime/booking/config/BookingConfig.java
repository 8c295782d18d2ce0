package dev.realtime.booking.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the booking service. */
@ConfigMapping(prefix = "booking")
public interface BookingConfig {

    /** Role whose holders see every booking and receive every booking event. */
    @WithDefault("admin")
    String adminRole();
}
