package dev.realtime.chat.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the chat service. */
@ConfigMapping(prefix = "chat")
public interface ChatConfig {

    /** Role whose holders may add and remove members of any room, as its owner may. */
    @WithDefault("admin")
    String adminRole();
}
