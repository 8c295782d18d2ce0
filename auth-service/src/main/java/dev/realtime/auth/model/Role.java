package dev.realtime.auth.model;

import java.util.List;

/** Role names, as they appear in the {@code groups} claim and in {@code role:} delivery channels. */
public final class Role {

    /** Every account. */
    public static final String USER = "user";
    /** Operators of the platform. */
    public static final String ADMIN = "admin";

    /** The roles of a newly registered account. */
    public static final List<String> DEFAULT = List.of(USER);
    /** The roles of the bootstrap administrator. */
    public static final List<String> ADMINISTRATOR = List.of(USER, ADMIN);

    private Role() {
    }
}
