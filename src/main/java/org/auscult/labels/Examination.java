package org.auscult.labels;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One sitting with one patient: the recordings made at its auscultation sites, in the order they were made.
 *
 * @param id            the examination's number in the label database
 * @param patient       who was examined
 * @param startedAt     when its first recording started
 * @param auscultations its recordings, oldest first
 */
public record Examination(long id, String patient, Instant startedAt, List<Auscultation> auscultations) {

    public Examination {
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(startedAt, "startedAt");
        auscultations = List.copyOf(auscultations);
    }

    /** The sites recorded, in the order of {@link Auscultation#SITES}, each once. */
    public List<String> sites() {
        return Auscultation.SITES.stream()
                .filter(site -> auscultations.stream().anyMatch(a -> a.site().equals(site))).toList();
    }
}
