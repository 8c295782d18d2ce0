package dev.realtime.platform.test;

import java.util.UUID;

/**
 * Names no other test of the run uses (users, rooms, accounts), so that tests sharing one broker and one database
 * never see each other's data.
 */
public final class TestNames {

    private static final int SUFFIX_LENGTH = 8;

    private TestNames() {
    }

    /**
     * {@code prefix-} followed by eight random lower-case hex digits, for example {@code alice-3f9c02ab}: a valid
     * username, channel subject and URL path segment whenever the prefix is one.
     */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, SUFFIX_LENGTH);
    }
}
