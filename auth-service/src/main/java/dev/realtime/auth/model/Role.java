package dev.realtime.auth.model;

import java.util.Collection;
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

    /** Every role there is, in the order they are stored. */
    public static final List<String> ALL = List.of(USER, ADMIN);
    /** What a role list in a request must match. */
    public static final String PATTERN = "^(user|admin)$";

    private Role() {
    }

    /**
     * These roles in stored order, without repeats, always with {@link #USER}: every account is a user, and a
     * request that would drop it merely drops the others.
     */
    public static List<String> canonical(Collection<String> roles) {
        return ALL.stream().filter(role -> role.equals(USER) || roles.contains(role)).toList();
    }
}
