package org.auscult.labels;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Where and when a recording was made: the patient's examination it belongs to, the auscultation site, the time
 * recording started and the input it came from.
 *
 * @param recordingId   the recording ({@link RecordingRef#id()})
 * @param examinationId the examination ({@link Examination#id()})
 * @param patient       the examination's patient
 * @param site          one of {@link #SITES}
 * @param recordedAt    when recording started
 * @param device        the input's name ("" when unknown)
 */
public record Auscultation(long recordingId, long examinationId, String patient, String site, Instant recordedAt,
                           String device) {

    /**
     * The auscultation sites, as CirCor names them: aortic, pulmonic, tricuspid and mitral valve, and any other
     * place (PhC).
     */
    public static final List<String> SITES = List.of("AV", "PV", "TV", "MV", "PhC");

    public Auscultation {
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(recordedAt, "recordedAt");
        device = device == null ? "" : device;
        requireSite(site);
    }

    /** {@code site}, when it is one of {@link #SITES}. */
    public static String requireSite(String site) {
        if (!SITES.contains(site)) {
            throw new IllegalArgumentException("unknown auscultation site '" + site + "': one of " + SITES);
        }
        return site;
    }
}
