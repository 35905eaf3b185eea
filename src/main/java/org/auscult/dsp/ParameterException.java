package org.auscult.dsp;

/**
 * An analysis parameter outside its valid range. Thrown up front, before any work is done, with a message that
 * names the parameter, the value given and what would be valid (in the spirit of librosa's ParameterError).
 */
public class ParameterException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public ParameterException(String message) {
        super(message);
    }

    /** Throws when {@code condition} is false; a one-line guard for compact record constructors. */
    public static void require(boolean condition, String message) {
        if (!condition) {
            throw new ParameterException(message);
        }
    }
}
