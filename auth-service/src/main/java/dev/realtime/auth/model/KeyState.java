package dev.realtime.auth.model;

/** Life cycle of a signing key. */
public enum KeyState {
    /** Published in the JWKS; the newest active key signs new tokens. */
    ACTIVE,
    /** No longer published: tokens it signed are no longer accepted anywhere. */
    RETIRED
}
