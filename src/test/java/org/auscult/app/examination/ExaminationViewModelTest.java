package org.auscult.app.examination;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.auscult.library.Recording;
import org.junit.jupiter.api.Test;

/** Where a recording was made, from its collection or its name. */
class ExaminationViewModelTest {

    private static Optional<String> site(String file, Map<String, String> metadata) {
        return ExaminationViewModel.siteOf(new Recording(Path.of("/data", file), file, Optional.empty(), "", "p", "",
                metadata));
    }

    @Test
    void theCollectionsLocationFirstThenTheNameAsCirCorAndRecordModeWriteIt() {
        assertEquals(Optional.of("TV"), site("36327_MV.wav", Map.of("location", "TV")), "the collection says");
        assertEquals(Optional.of("MV"), site("36327_MV.wav", Map.of()));
        assertEquals(Optional.of("AV"), site("50159_AV_1.wav", Map.of()), "CirCor's second recording at a site");
        assertEquals(Optional.of("PhC"), site("p12_PhC_20261205-083000.wav", Map.of()), "Record mode's name");
        assertEquals(Optional.empty(), site("a0001.wav", Map.of()), "PASCAL names no site");
        assertEquals(Optional.empty(), site("MVP_patient.wav", Map.of()), "not a site, only letters of one");
        assertEquals(Optional.of("MV"), site("x_MV.flac", Map.of()), "any audio file");
    }
}
