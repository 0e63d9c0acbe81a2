package io.transcodezip.core.domain;

import java.util.regex.Pattern;

/**
 * The one place that turns secrets into something safe to log or to put in an exception message.
 * Download URLs carry a JWT naming the account's user in their query string; access tokens and
 * client secrets grant access to the account. None of them may reach a log line.
 */
public final class Redaction {

    public static final String MASK = "<redacted>";

    private static final Pattern URL_QUERY = Pattern.compile("(https?://[^\\s\"'?#]*)[?#][^\\s\"']*");
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer)(\\s+|%20|\\+)[A-Za-z0-9._~+/=-]+");
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
    private static final Pattern SECRET_FIELD = Pattern.compile(
            "(?i)(\"?(?:accessToken|access_token|clientSecret|client_secret|token|secret|password|apiKey|api_key)\"?\\s*[:=]\\s*\"?)[^\"&,\\s}]+");

    private Redaction() {
    }

    /** A URL without its query string and fragment, which is where the platform puts the token. */
    public static String url(String url) {
        if (url == null) {
            return null;
        }
        int cut = indexOfQuery(url);
        return cut < 0 ? url : url.substring(0, cut) + "?" + MASK;
    }

    /** A secret replaced by a mask that still says whether one was there, never its value or length. */
    public static String secret(String secret) {
        return secret == null || secret.isEmpty() ? "<none>" : MASK;
    }

    /**
     * Free text (an upstream message, an exception message, a response body) with every URL query,
     * bearer token, JWT and secret-looking field masked.
     */
    public static String text(String text) {
        return text(text, new String[0]);
    }

    /**
     * Free text as {@link #text(String)}, with every occurrence of the given secrets masked too: an
     * upstream may echo a token or secret back in a message of its own.
     */
    public static String text(String text, String... knownSecrets) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String secret : knownSecrets) {
            if (secret != null && secret.length() >= 4) {
                out = out.replace(secret, MASK);
            }
        }
        out = URL_QUERY.matcher(out).replaceAll("$1?" + MASK);
        out = BEARER.matcher(out).replaceAll("$1 " + MASK);
        out = JWT.matcher(out).replaceAll(MASK);
        return SECRET_FIELD.matcher(out).replaceAll("$1" + MASK);
    }

    private static int indexOfQuery(String url) {
        int q = url.indexOf('?');
        int h = url.indexOf('#');
        if (q < 0) {
            return h;
        }
        return h < 0 ? q : Math.min(q, h);
    }
}
