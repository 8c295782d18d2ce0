package dev.realtime.chat.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the chat service. */
@ConfigMapping(prefix = "chat")
public interface ChatConfig {

    /** The topic chat events are published to. */
    @WithDefault("chat.events")
    String topic();
}
