package org.auscult.segmentation.quality;

/** Why a recording holds too little usable heart sound for a verdict, and what to do about it. */
public enum UnsureReason {
    TOO_SHORT("too short", "record longer"),
    TOO_NOISY("too noisy", "hold the stethoscope still and keep the room quiet"),
    CLIPPED("clipped", "press lighter or lower the input gain"),
    NO_HEART_SOUND("no heart sound found", "check the contact and move the stethoscope over the valve area");

    private final String label;
    private final String advice;

    UnsureReason(String label, String advice) {
        this.label = label;
        this.advice = advice;
    }

    /** The reason in a few words, e.g. "too noisy". */
    public String label() {
        return label;
    }

    /** What the person recording can do, e.g. "record longer". */
    public String advice() {
        return advice;
    }
}
