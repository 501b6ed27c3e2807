package io.jenkins.plugins.loadmilltestrail.engine;

/**
 * Names from Loadmill as one printable line, for consoles, build logs and TestRail. A control
 * character in a name would reach them as is: ESC starts sequences that colour a CI log or retitle
 * a terminal ({@code ESC]0;…BEL}), CR and newline forge log lines. Whitespace controls (tab,
 * newline, CR...) become spaces; the others U+FFFD, which shows that something was there, as the
 * JUnit report does.
 */
public final class PrintableText {
    static final char REPLACEMENT = '\uFFFD';

    private PrintableText() {}

    /** {@code text} with every control character (C0, DEL, C1) replaced; the same instance when there is none. */
    public static String oneLine(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = Character.isISOControl(c);
            if (control && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                out.append(!control ? c : Character.isWhitespace(c) ? ' ' : REPLACEMENT);
            }
        }
        return out == null ? text : out.toString();
    }
}
