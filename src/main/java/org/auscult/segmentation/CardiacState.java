package org.auscult.segmentation;

/**
 * The states of a heart cycle, numbered as in the CirCor DigiScope segmentation files: 0 unannotated, 1 S1,
 * 2 systole, 3 S2, 4 diastole.
 */
public enum CardiacState {
    UNANNOTATED(0), S1(1), SYSTOLE(2), S2(3), DIASTOLE(4);

    private final int code;

    CardiacState(int code) {
        this.code = code;
    }

    /** The CirCor state number. */
    public int code() {
        return code;
    }

    /** The state numbered {@code code} in CirCor files. */
    public static CardiacState ofCode(int code) {
        for (CardiacState state : values()) {
            if (state.code == code) {
                return state;
            }
        }
        throw new IllegalArgumentException("state must be 0 (unannotated), 1 (S1), 2 (systole), 3 (S2) or "
                + "4 (diastole), got " + code);
    }

    /** True for the heart sounds S1 and S2. */
    public boolean isSound() {
        return this == S1 || this == S2;
    }
}
