package org.auscult.segmentation.murmur;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The systolic timing measured on the CirCor training part, when it is on this machine ($AUSCULT_DATA/circor2022,
 * else ~/auscult-data/circor2022): one repeat of 5-fold patient-grouped CV must beat always answering Holosystolic.
 */
class MurmurDescriptionCorpusTest {

    static Path trainingData() {
        String configured = System.getenv("AUSCULT_DATA");
        Path data = configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), "auscult-data");
        return data.resolve("circor2022").resolve("training_data");
    }

    @Test
    void timingBeatsTheMajorityClassOnTheCirCorPatients() throws IOException {
        Path folder = trainingData();
        Assumptions.assumeTrue(Files.isDirectory(folder), "skipped: no CirCor training data at "
                + folder.toAbsolutePath() + " (set AUSCULT_DATA): murmur-description corpus test not run");
        List<MurmurCorpus.Patient> patients = MurmurCorpus.read(folder, Set.of());
        List<String> problems = new ArrayList<>();
        List<MurmurTraining.Case> cases = MurmurTraining.cases(patients,
                MurmurTraining.Segmenting.by(MurmurModel.SEGMENTER), problems);
        assertTrue(problems.isEmpty(), problems.toString());
        // CirCor's training part: 138 patients with a systolic murmur timing
        assertTrue(cases.size() > 120, cases.size() + " murmur patients");
        MurmurTraining.Score timing = MurmurTraining.crossValidate(MurmurAttribute.TIMING, cases, 5, 1, 1,
                MurmurTraining.RIDGE);
        assertEquals(List.of("Early-systolic", "Mid-systolic", "Holosystolic"), timing.matrix().classNames());
        assertTrue(timing.matrix().accuracy() > timing.baseline() + 0.05,
                "timing accuracy " + timing.matrix().accuracy() + " vs majority " + timing.baseline());
        assertTrue(timing.matrix().balancedAccuracy() > 0.45, "balanced " + timing.matrix().balancedAccuracy());
    }
}
