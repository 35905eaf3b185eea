package org.auscult.library;

import java.util.Optional;

/**
 * One label taxonomy across the public corpora (see docs/decisions/label-taxonomy.md): what each source's labels
 * can say, mapped onto the answers a verdict gives. Every recording keeps its own collection label; this class
 * says which answer it may teach.
 *
 * <ul>
 *   <li>{@link Answer#FOLLOW_UP}: {@code normal} or {@code follow-up} (needs a clinician's follow-up). Taught by
 *       every source: PhysioNet 2016 normal / abnormal; CirCor recordings of murmur-absent patients (normal) and
 *       recordings where the patient's murmur is heard (follow-up); PASCAL normal against murmur, extra heart sound
 *       and extrasystole (follow-up). PASCAL artifact teaches nothing here (it says "record again", not "healthy"
 *       or "ill"), nor do CirCor recordings whose patient is unknown or whose murmur is not heard at that site.</li>
 *   <li>{@link Answer#MURMUR}: {@code normal} or {@code murmur}. Taught by CirCor (murmur heard at the site, or
 *       patient murmur-absent) and PASCAL (murmur, normal). Not by PhysioNet 2016, whose "abnormal" mixes murmurs
 *       with other disease (coronary artery disease, arrhythmia) and so is not a murmur label.</li>
 * </ul>
 * The finer answers stay with the source that has them: PASCAL's five classes (artifact, extra heart sound,
 * extrasystole, murmur, normal) and CirCor's patient-level present / unknown / absent ({@link
 * org.auscult.library.Recording#originalLabel()} of a CirCor recording).
 */
public final class LabelTaxonomy {

    /** The label of a recording that needs no follow-up. */
    public static final String NORMAL = "normal";
    /** The label of a recording that needs a clinician's follow-up. */
    public static final String FOLLOW_UP = "follow-up";
    /** The label of a recording in which a murmur is heard. */
    public static final String MURMUR = "murmur";

    /** A question a verdict answers, with the two labels it answers it with. */
    public enum Answer {
        /** normal or follow-up. */
        FOLLOW_UP,
        /** normal or murmur. */
        MURMUR
    }

    private LabelTaxonomy() {
    }

    /**
     * The label {@code recording} of a collection of {@code layout} teaches for {@code answer}, or empty when it
     * teaches nothing for that answer.
     */
    public static Optional<String> labelFor(Answer answer, Layout layout, Recording recording) {
        Optional<String> own = recording.label();
        if (own.isEmpty()) {
            return Optional.empty();
        }
        String label = own.get();
        return switch (answer) {
            case FOLLOW_UP -> followUp(layout, label);
            case MURMUR -> murmur(layout, label);
        };
    }

    private static Optional<String> followUp(Layout layout, String label) {
        return switch (layout) {
            case PHYSIONET_2016 -> switch (label) {
                case "normal" -> Optional.of(NORMAL);
                case "abnormal" -> Optional.of(FOLLOW_UP);
                default -> Optional.empty();
            };
            case CIRCOR_2022 -> switch (label) {
                case "normal" -> Optional.of(NORMAL);
                case "murmur" -> Optional.of(FOLLOW_UP);
                default -> Optional.empty();
            };
            case KAGGLE_PASCAL -> switch (label) {
                case "normal" -> Optional.of(NORMAL);
                case "murmur", "extrahls", "extrastole" -> Optional.of(FOLLOW_UP);
                default -> Optional.empty();
            };
            default -> switch (label) {
                case "normal" -> Optional.of(NORMAL);
                case "abnormal", "murmur", FOLLOW_UP -> Optional.of(FOLLOW_UP);
                default -> Optional.empty();
            };
        };
    }

    private static Optional<String> murmur(Layout layout, String label) {
        if (layout == Layout.PHYSIONET_2016) {
            return Optional.empty();
        }
        return switch (label) {
            case "normal" -> Optional.of(NORMAL);
            case "murmur" -> Optional.of(MURMUR);
            default -> Optional.empty();
        };
    }
}
