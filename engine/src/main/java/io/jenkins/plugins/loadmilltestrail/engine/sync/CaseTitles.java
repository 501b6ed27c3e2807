package io.jenkins.plugins.loadmilltestrail.engine.sync;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The TestRail case title for a Loadmill flow. TestRail keeps at most 250 characters, so a longer
 * flow name is cut and given a short suffix derived from the whole name: the same flow always gets
 * the same title (so the next build matches the case it created) and two long names that share a
 * prefix still get different titles.
 */
public final class CaseTitles {
    /** TestRail's limit on a case title, in characters (code points). */
    public static final int MAX_LENGTH = 250;
    private static final int HASH_CHARS = 6;

    private CaseTitles() {}

    /** The title for {@code flowName}: its {@link Names#clean clean} form, cut to 250 characters. */
    public static String forFlow(String flowName) {
        String clean = Names.clean(flowName);
        int length = clean.codePointCount(0, clean.length());
        if (length <= MAX_LENGTH) {
            return clean;
        }
        String suffix = "… [" + hash(clean) + "]";
        int keep = MAX_LENGTH - suffix.codePointCount(0, suffix.length());
        String head = clean.substring(0, clean.offsetByCodePoints(0, keep)).stripTrailing();
        return head + suffix;
    }

    /** True when {@link #forFlow} had to cut the name. */
    public static boolean isCut(String flowName) {
        String clean = Names.clean(flowName);
        return clean.codePointCount(0, clean.length()) > MAX_LENGTH;
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}
