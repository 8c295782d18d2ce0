package dev.realtime.platform.rest;

import java.util.regex.Pattern;

/** The grammar of an {@code Accept} header (RFC 9110, section 12.5.1), checked before content negotiation. */
final class MediaRanges {

    private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
    private static final String QUOTED = "\"(?:[^\"\\\\]|\\\\.)*\"";
    private static final String PARAMETER = "\\s*;\\s*" + TOKEN + "\\s*=\\s*(?:" + TOKEN + "|" + QUOTED + ")";
    private static final String RANGE = "\\s*" + TOKEN + "/" + TOKEN + "(?:" + PARAMETER + ")*\\s*";
    private static final Pattern ACCEPT = Pattern.compile(RANGE + "(?:," + RANGE + ")*");

    private MediaRanges() {
    }

    /** Whether the header is a non-empty list of media ranges such as {@code application/json;q=0.9, *}{@code /*}. */
    static boolean isValid(String accept) {
        return ACCEPT.matcher(accept).matches();
    }
}
