package org.auscult.app.examination;

import java.util.List;

/**
 * Moving through a list of recordings a patient at a time (Shift+Page Down / Shift+Page Up): to the first recording
 * of the next patient below, or of the patient above, in the list's order. A patient's recordings are usually next
 * to each other (sorted by name, they share its number); where they are not, each run of them counts as a stop.
 */
public final class PatientSteps {

    private PatientSteps() {
    }

    /**
     * The index to select after {@code from} in a list whose rows belong to {@code patients} (one per row), or
     * {@code from} itself when there is no other patient that way. With nothing selected ({@code from < 0}) the first
     * row.
     */
    public static int next(List<String> patients, int from, boolean forward) {
        if (patients.isEmpty()) {
            return -1;
        }
        if (from < 0 || from >= patients.size()) {
            return 0;
        }
        String current = patients.get(from);
        if (forward) {
            for (int i = from + 1; i < patients.size(); i++) {
                if (!patients.get(i).equals(current)) {
                    return i;
                }
            }
            return from;
        }
        int above = from - 1;
        while (above >= 0 && patients.get(above).equals(current)) {
            above--;
        }
        if (above < 0) {
            return from;
        }
        String previous = patients.get(above);
        while (above > 0 && patients.get(above - 1).equals(previous)) {
            above--;
        }
        return above;
    }
}
