package io.jenkins.plugins.loadmilltestrail.engine.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Keeps credentials out of text that ends up in messages, logs and files. */
public final class Redaction {
    static final String HIDDEN = "****";
    /** Shorter values are not hidden: they would match ordinary text and say little about a secret. */
    private static final int MIN_SECRET = 4;

    private Redaction() {}

    /**
     * {@code text} with the credentials of an Authorization header value replaced by "****": the
     * header's credential part and, for Basic, the decoded "user:password" pair and the password,
     * or the user when the password is empty (Loadmill sends its API token as the user). A TestRail
     * user (an email) stays visible on its own.
     */
    public static String hideCredentials(String text, String authorization) {
        String hidden = text;
        for (String secret : secrets(authorization)) {
            if (secret.length() >= MIN_SECRET) {
                // JSON written by PHP, as TestRail's, escapes '/' (frequent in Base64) as "\/".
                hidden = hidden.replace(secret, HIDDEN).replace(secret.replace("/", "\\/"), HIDDEN);
            }
        }
        return hidden;
    }

    /**
     * An address as typed, for a message: any user info ("user:password@") becomes "****@". Works
     * on text that is not a valid URL too, which is when such messages are written.
     */
    public static String withoutUserInfo(String url) {
        int start = url.indexOf("://");
        int authority = start < 0 ? 0 : start + 3;
        int end = authority;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        int at = url.lastIndexOf('@', end - 1);
        return at < authority ? url : url.substring(0, authority) + HIDDEN + url.substring(at);
    }

    private static List<String> secrets(String authorization) {
        List<String> secrets = new ArrayList<>();
        int space = authorization.indexOf(' ');
        if (space < 0) {
            return secrets;
        }
        String credentials = authorization.substring(space + 1).trim();
        secrets.add(credentials);
        if (authorization.regionMatches(true, 0, "Basic", 0, space)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException notBase64) {
                return secrets;
            }
            int colon = decoded.indexOf(':');
            String user = colon < 0 ? decoded : decoded.substring(0, colon);
            String password = colon < 0 ? "" : decoded.substring(colon + 1);
            // The pair before its parts, so that it is hidden whole.
            secrets.add(decoded);
            secrets.add(password.isEmpty() ? user : password);
        }
        return secrets;
    }
}
