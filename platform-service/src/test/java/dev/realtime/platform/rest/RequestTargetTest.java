package dev.realtime.platform.rest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What the request guard refuses before any resource runs. */
class RequestTargetTest {

    @Test
    void wellFormedPercentEncodingsPass() {
        assertNull(PercentEncoding.check("/rooms/a%20b?q=%C3%A9&x=1"));
        assertNull(PercentEncoding.check("/bookings"));
    }

    @Test
    void malformedPercentEncodingsAreNamed() {
        assertNotNull(PercentEncoding.check("/rooms/%zz"));
        assertNotNull(PercentEncoding.check("/rooms?q=%G1"));
        assertNotNull(PercentEncoding.check("/rooms?q=%4"));
        assertNotNull(PercentEncoding.check("/rooms?q=%"));
    }

    @Test
    void anEncodedNulIsRefused() {
        assertTrue(PercentEncoding.check("/rooms?q=a%00").contains("NUL"));
    }

    @Test
    void acceptHeadersAreParsedAsMediaRanges() {
        assertTrue(MediaRanges.isValid("application/json"));
        assertTrue(MediaRanges.isValid("*/*"));
        assertTrue(MediaRanges.isValid("text/html, application/json;q=0.9, */*;q=0.1"));
        assertTrue(MediaRanges.isValid("application/json; charset=\"utf-8\""));
        assertFalse(MediaRanges.isValid(""));
        assertFalse(MediaRanges.isValid("json"));
        assertFalse(MediaRanges.isValid("application/json;;"));
        assertFalse(MediaRanges.isValid("*/*,,"));
        assertFalse(MediaRanges.isValid("a/b;q"));
    }
}
