package org.auscult.io;

/**
 * Text fit for a message: characters a terminal does not show (control characters, a byte order mark, zero-width
 * and direction marks, unpaired surrogates) are written as {@code \}{@code uXXXX}, so that "{@code '\}{@code uFEFF0.5'}
 * is not a number" explains itself where "'0.5' is not a number" would not. Long text is shortened, so that one
 * message cannot fill the screen with the content of a hostile file.
 */
public final class VisibleText {

    /** The longest text kept whole; longer text keeps its start and says how much was left out. */
    public static final int MAX_LENGTH = 2_000;

    private VisibleText() {
    }

    /** {@code text} with every invisible character escaped, cut at {@link #MAX_LENGTH} characters. */
    public static String of(String text) {
        if (text == null) {
            return "null";
        }
        int length = Math.min(text.length(), MAX_LENGTH);
        StringBuilder visible = new StringBuilder(length + 16);
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                visible.append(c);
            } else if (c == '\t') {
                visible.append("\\t");
            } else if (invisible(text, i)) {
                visible.append(String.format("\\u%04X", (int) c));
            } else {
                visible.append(c);
            }
        }
        if (text.length() > length) {
            visible.append("... (").append(text.length() - length).append(" more characters)");
        }
        return visible.toString();
    }

    private static boolean invisible(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
        }
        int type = Character.getType(c);
        return Character.isISOControl(c) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.UNASSIGNED
                || type == Character.PRIVATE_USE;
    }
}
