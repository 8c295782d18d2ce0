package dev.realtime.booking.rest;

import jakarta.ws.rs.core.EntityTag;

/**
 * Versions as entity tags. A resource's ETag is its version in quotes, {@code "3"}; an update that names it in
 * {@code If-Match} is refused with 412 when the resource has changed since.
 */
final class ETags {

    /** What {@code If-Match} may hold: {@code *} or one strong tag of ours. */
    static final String IF_MATCH_PATTERN = "^(\\*|\"[0-9]{1,18}\")$";
    static final String IF_MATCH_DESCRIPTION = "the ETag of the version the change is meant for (\"3\"), or *;"
            + " a version that is no longer current is refused with 412";

    private ETags() {
    }

    static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The version an {@code If-Match} value names, or null when there is no precondition ({@code *} or absent). */
    static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || "*".equals(ifMatch)) {
            return null;
        }
        return Long.valueOf(ifMatch.substring(1, ifMatch.length() - 1));
    }
}
