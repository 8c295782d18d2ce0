package dev.realtime.auth.rest;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a client receives its refresh token. */
public enum RefreshTransport {
    /** In an {@code HttpOnly} cookie that page scripts cannot read: for browsers. */
    @JsonProperty("cookie")
    COOKIE,
    /** In the response body, for clients that keep it themselves (mobile, CLI, services). */
    @JsonProperty("body")
    BODY
}
