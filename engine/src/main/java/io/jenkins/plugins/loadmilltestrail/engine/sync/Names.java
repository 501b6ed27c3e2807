package io.jenkins.plugins.loadmilltestrail.engine.sync;

import io.jenkins.plugins.loadmilltestrail.engine.PrintableText;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How names compare: Loadmill suite and flow names against TestRail suite, section and case names.
 * TestRail may hand text back HTML-escaped or wrapped in {@code <p>…</p>}, and people type stray
 * spaces, so both sides are reduced to a comparison key first.
 */
public final class Names {
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F\\u200B\\uFEFF]+");
    private static final Map<String, String> NAMED = Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"",
            "apos", "'", "nbsp", " ");

    private final boolean caseSensitive;

    public Names(boolean caseSensitive) {
        this.caseSensitive = caseSensitive;
    }

    /**
     * The readable form of a name: {@code <p>} wrapping stripped, HTML entities decoded, Unicode in
     * NFC, control characters replaced ({@link PrintableText#oneLine}), whitespace trimmed and
     * collapsed to single spaces. Case is kept. Every name sent to TestRail passes here.
     */
    public static String clean(String text) {
        String s = text.strip();
        if (s.length() >= 7 && s.regionMatches(true, 0, "<p>", 0, 3)
                && s.regionMatches(true, s.length() - 4, "</p>", 0, 4)) {
            s = s.substring(3, s.length() - 4);
        }
        s = unescapeHtml(s);
        // After decoding: "&#27;" is an ESC too.
        s = PrintableText.oneLine(Normalizer.normalize(s, Normalizer.Form.NFC));
        return SPACES.matcher(s).replaceAll(" ").strip();
    }

    /** The key two names are compared by: {@link #clean} plus case folding unless case-sensitive. */
    public String key(String text) {
        String cleaned = clean(text);
        // Upper then lower folds e.g. "ß" and "SS" together, like a case-insensitive human reader.
        return caseSensitive ? cleaned : cleaned.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    /**
     * The items a setting names by {@code reference}: by id when it is one (and such an item
     * exists), else by name as {@link #key} compares names.
     */
    <T> List<T> byReference(List<T> items, String reference, Function<T, Long> id, Function<T, String> name) {
        OptionalLong asId = SettingMaps.idOf(reference);
        if (asId.isPresent()) {
            List<T> byId = items.stream().filter(i -> id.apply(i) == asId.getAsLong()).toList();
            if (!byId.isEmpty()) {
                return byId;
            }
        }
        String key = key(reference);
        return items.stream().filter(i -> key(name.apply(i)).equals(key)).toList();
    }

    static String unescapeHtml(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        Matcher m = ENTITY.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        while (m.find()) {
            String entity = m.group(1);
            String replacement;
            if (entity.startsWith("#x") || entity.startsWith("#X")) {
                replacement = codePoint(Integer.parseInt(entity.substring(2), 16), m.group());
            } else if (entity.startsWith("#")) {
                replacement = codePoint(Integer.parseInt(entity.substring(1)), m.group());
            } else {
                replacement = NAMED.getOrDefault(entity.toLowerCase(Locale.ROOT), m.group());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String codePoint(int cp, String original) {
        return Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : original;
    }
}
