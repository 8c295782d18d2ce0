package dev.realtime.booking.service;

import dev.realtime.platform.problem.ProblemException;

/** The {@code If-Match} check of an update, made once the row is locked. */
final class Preconditions {

    private Preconditions() {
    }

    /**
     * Refuses the update with 412 when the client's version is not the current one.
     *
     * @param expected the version the client last saw, or null when it sent no precondition (or {@code *})
     */
    static void versionMatches(String what, Long expected, long current) {
        if (expected != null && expected != current) {
            throw new ProblemException(412, "stale-version", "Precondition failed",
                    what + " is at version " + current + ", not " + expected + "; read it again");
        }
    }
}
