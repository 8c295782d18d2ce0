package dev.realtime.platform.rest;

/** Checks the percent-encoding of a request target (RFC 3986) without decoding it. */
final class PercentEncoding {

    private PercentEncoding() {
    }

    /** Why this request target's percent-encoding is unusable, or null if it is fine. */
    static String check(String target) {
        for (int i = 0; i < target.length(); i++) {
            if (target.charAt(i) != '%') {
                continue;
            }
            if (i + 2 >= target.length() || hex(target.charAt(i + 1)) < 0 || hex(target.charAt(i + 2)) < 0) {
                return "malformed percent-encoding at index " + i + ": '%' must be followed by two hex digits";
            }
            if (hex(target.charAt(i + 1)) == 0 && hex(target.charAt(i + 2)) == 0) {
                return "the request target holds an encoded NUL (%00) at index " + i;
            }
            i += 2;
        }
        return null;
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
