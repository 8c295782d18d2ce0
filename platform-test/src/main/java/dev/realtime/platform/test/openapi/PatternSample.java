package dev.realtime.platform.test.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Produces a string matching a simple regular expression: literals, escapes ({@code \d \w \s} and escaped
 * characters), character classes with ranges, and the quantifiers {@code ? * + {n} {n,m}}, anchored or not.
 * That is the dialect the suite's schemas use; anything else (groups, alternation) yields null and the
 * caller falls back to the schema's examples.
 */
final class PatternSample {

    private static final String WORD = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_";
    private static final String DIGITS = "0123456789";
    private static final String PRINTABLE = "abcdefghijklmnopqrstuvwxyz0123456789-_.";

    private PatternSample() {
    }

    static String sample(String pattern, Random random) {
        String body = pattern;
        if (body.startsWith("^")) {
            body = body.substring(1);
        }
        if (body.endsWith("$") && !body.endsWith("\\$")) {
            body = body.substring(0, body.length() - 1);
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < body.length()) {
            String choices;
            char c = body.charAt(i);
            if (c == '(' || c == ')' || c == '|' || c == '^' || c == '$') {
                return null;
            } else if (c == '[') {
                int end = body.indexOf(']', i + 2);
                if (end < 0) {
                    return null;
                }
                choices = characterClass(body.substring(i + 1, end));
                if (choices == null) {
                    return null;
                }
                i = end + 1;
            } else if (c == '\\' && i + 1 < body.length()) {
                choices = escape(body.charAt(i + 1));
                i += 2;
            } else if (c == '.') {
                choices = PRINTABLE;
                i++;
            } else {
                choices = String.valueOf(c);
                i++;
            }
            int[] bounds = { 1, 1 };
            i = quantifier(body, i, bounds);
            if (bounds[0] < 0) {
                return null;
            }
            int count = bounds[0] + random.nextInt(bounds[1] - bounds[0] + 1);
            for (int k = 0; k < count; k++) {
                out.append(choices.charAt(random.nextInt(choices.length())));
            }
        }
        return out.toString();
    }

    private static int quantifier(String body, int i, int[] bounds) {
        if (i >= body.length()) {
            return i;
        }
        switch (body.charAt(i)) {
            case '?' -> {
                bounds[0] = 0;
                return i + 1;
            }
            case '*' -> {
                bounds[0] = 0;
                bounds[1] = 4;
                return i + 1;
            }
            case '+' -> {
                bounds[1] = 4;
                return i + 1;
            }
            case '{' -> {
                int end = body.indexOf('}', i);
                String[] range = body.substring(i + 1, end).split(",", -1);
                bounds[0] = Integer.parseInt(range[0].trim());
                bounds[1] = range.length == 1 ? bounds[0]
                        : range[1].isBlank() ? bounds[0] + 4 : Integer.parseInt(range[1].trim());
                return end + 1;
            }
            default -> {
                return i;
            }
        }
    }

    private static String escape(char c) {
        return switch (c) {
            case 'd' -> DIGITS;
            case 'w' -> WORD;
            case 's' -> " ";
            case 'S' -> PRINTABLE;
            default -> String.valueOf(c);
        };
    }

    private static String characterClass(String spec) {
        if (spec.startsWith("^")) {
            return null;
        }
        List<Character> chars = new ArrayList<>();
        for (int i = 0; i < spec.length(); i++) {
            char c = spec.charAt(i);
            if (c == '\\' && i + 1 < spec.length()) {
                escape(spec.charAt(++i)).chars().forEach(e -> chars.add((char) e));
            } else if (i + 2 < spec.length() && spec.charAt(i + 1) == '-') {
                for (char r = c; r <= spec.charAt(i + 2); r++) {
                    chars.add(r);
                }
                i += 2;
            } else {
                chars.add(c);
            }
        }
        StringBuilder all = new StringBuilder();
        chars.forEach(all::append);
        return all.isEmpty() ? null : all.toString();
    }
}
