package io.jenkins.plugins.loadmilltestrail.engine.report;

/**
 * Makes any text safe for XML 1.0: characters XML cannot carry (most control characters, lone
 * surrogates, U+FFFE/U+FFFF) become U+FFFD. Escaping of {@code <}, {@code &} and quotes is left to the
 * XML writer; emoji and other supplementary characters are kept.
 */
final class XmlText {
    static final char REPLACEMENT = '\uFFFD';

    private XmlText() {}

    static String clean(String text) {
        StringBuilder out = null;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int width = 1;
            boolean ok;
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                ok = true;
                width = 2;
            } else {
                ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            }
            if (!ok && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                if (ok) {
                    out.append(text, i, i + width);
                } else {
                    out.append(REPLACEMENT);
                }
            }
            i += width;
        }
        return out == null ? text : out.toString();
    }
}
