package dev.realtime.auth.service;

/** What a valid username and password look like; the REST requests and the bootstrap admin share these. */
public final class AccountRules {

    /** 3 to 32 letters, digits, '.', '_' or '-'; letters are folded to lower case. */
    public static final String USERNAME_PATTERN = "^[A-Za-z0-9._-]{3,32}$";
    public static final String USERNAME_MESSAGE = "must be 3 to 32 characters: letters, digits, '.', '_' or '-'";
    public static final int PASSWORD_MIN = 8;
    public static final int PASSWORD_MAX = 128;
    public static final String PASSWORD_MESSAGE = "must be 8 to 128 characters";
    public static final int DISPLAY_NAME_MAX = 64;

    private AccountRules() {
    }

    public static boolean validUsername(String username) {
        return username != null && username.matches(USERNAME_PATTERN);
    }

    public static boolean validPassword(String password) {
        return password != null && password.length() >= PASSWORD_MIN && password.length() <= PASSWORD_MAX;
    }
}
