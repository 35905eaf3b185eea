package org.auscult.library;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PatientExclusionTest {

    private static Recording recording(String id, String patient, Map<String, String> metadata) {
        return new Recording(Path.of(id + ".wav"), id, Optional.of("normal"), "Absent", patient, "circor",
                metadata);
    }

    @Test
    void leavesOutTheTestPatientsWithTheirWholeGroupAndNobodyElse() {
        // 49630 and 36327 are one child seen in two campaigns: the reader grouped them under 49630
        RecordingCollection training = new RecordingCollection(Path.of("circor2022"), Layout.CIRCOR_2022, List.of(
                recording("circor2022/training_data/49630_AV", "circor2022/49630",
                        Map.of("Patient ID", "49630", "Additional ID", "36327")),
                recording("circor2022/training_data/36327_MV", "circor2022/49630",
                        Map.of("Patient ID", "36327", "Additional ID", "49630")),
                recording("circor2022/training_data/50049_PV", "circor2022/50049", Map.of("Patient ID", "50049")),
                recording("circor2022/training_data/1_AV", "circor2022/1", Map.of("Patient ID", "1")),
                recording("pascal2011/set_a/normal__1", "pascal2011/set_a/normal__1", Map.of())), List.of());
        RecordingCollection samples = new RecordingCollection(Path.of("samples"), Layout.CIRCOR_2022, List.of(
                recording("36327_MV", "36327", Map.of()),
                recording("50049_PV", "50049", Map.of()),
                recording("unnamed", "unnamed", Map.of("Patient ID", ""))), List.of());

        RecordingCollection kept = PatientExclusion.without(training, samples);
        assertEquals(List.of("circor2022/training_data/1_AV", "pascal2011/set_a/normal__1"),
                kept.recordings().stream().map(Recording::id).toList());
        assertEquals(training.root(), kept.root());
    }
}
