package dev.realtime.platform.test.openapi;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One generated call: what is sent, and whether it is meant to be valid. Only invalid requests must be
 * refused; valid ones may still be refused by the state they meet (a 404, a 409), which the guard accepts
 * when the status is documented.
 */
record GuardRequest(ApiOperation operation, String caller, String mutation, String target,
        Map<String, String> headers, byte[] body) {

    boolean valid() {
        return "none".equals(mutation);
    }

    String describe() {
        String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        return operation.method() + " " + RawHttp.abbreviate(target) + " as " + caller + " [" + mutation + "] "
                + headers.keySet() + (text.isEmpty() ? "" : " body " + RawHttp.abbreviate(text));
    }
}
