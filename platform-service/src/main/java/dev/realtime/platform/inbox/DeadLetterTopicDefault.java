package dev.realtime.platform.inbox;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;

/**
 * Makes {@code <topic>.dlq} the dead-letter topic of every incoming channel that names none, so the project's rule
 * holds without a line of configuration per channel. The topic is the channel's {@code topic}, or the channel
 * name as SmallRye's Kafka connector defaults it. A channel that sets {@code dead-letter-queue.topic} keeps it.
 */
public class DeadLetterTopicDefault implements ConfigSourceInterceptor {

    private static final String PREFIX = "mp.messaging.incoming.";
    private static final String SUFFIX = ".dead-letter-queue.topic";
    /** The suffix of every dead-letter topic. */
    public static final String DLQ_SUFFIX = ".dlq";

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (value != null || !name.startsWith(PREFIX) || !name.endsWith(SUFFIX)
                || name.length() <= PREFIX.length() + SUFFIX.length()) {
            return value;
        }
        String channel = name.substring(PREFIX.length(), name.length() - SUFFIX.length());
        ConfigValue topic = context.proceed(PREFIX + channel + ".topic");
        String source = topic == null || topic.getValue() == null ? channel : topic.getValue();
        return ConfigValue.builder()
                .withName(name)
                .withValue(source + DLQ_SUFFIX)
                .withConfigSourceName(DeadLetterTopicDefault.class.getSimpleName())
                .build();
    }
}
