package io.transcodezip.core.domain;

import java.util.regex.Pattern;

/** The one rule for identifiers that appear in configuration, keys and URLs: tenants and accounts. */
final class Names {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private Names() {
    }

    static String require(String what, String value) {
        if (value == null || !NAME.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must be 1 to 64 characters of letters, digits, '.', '_' or '-'"
                    + " starting with a letter or digit, got " + (value == null ? "nothing" : "'" + value + "'"));
        }
        return value;
    }
}
