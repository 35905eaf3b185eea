package org.auscult.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ImportOptionsTest {

    @Test
    void defaultsDetectTheLayoutAndMergeNoisyLabels() {
        ImportOptions defaults = ImportOptions.defaults();
        assertEquals(Optional.empty(), defaults.layout());
        assertEquals(Map.of("noisynormal", "normal", "noisymurmur", "murmur"), defaults.labelMapping());
        assertFalse(defaults.trainOnUnknownCirCor());
        assertEquals(ImportOptions.PatientNaming.FILE_STEM, defaults.folderPatients());
        assertEquals(Optional.of("normal"), defaults.trainingLabel("NoisyNormal "));
        assertEquals(Optional.of("extrahls"), defaults.trainingLabel("extrahls"));
        assertEquals(Optional.empty(), defaults.trainingLabel("  "));
    }

    @Test
    void mappingIsCaseInsensitiveAndMayDropAClass() {
        ImportOptions options = ImportOptions.defaults()
                .withLabelMapping(Map.of("ExtraHLS", "Extra Sound", "artifact", ""));
        assertEquals(Map.of("extrahls", "extra sound", "artifact", ""), options.labelMapping());
        assertEquals(Optional.of("extra sound"), options.trainingLabel("extrahls"));
        assertEquals(Optional.empty(), options.trainingLabel("Artifact"), "mapped to \"\": not trained on");
        assertEquals(Optional.of("noisynormal"), options.trainingLabel("noisynormal"), "kept apart");
    }

    @Test
    void aMappingNamingALabelTwiceIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ImportOptions.defaults().withLabelMapping(Map.of("Murmur", "a", "murmur", "b")));
        assertEquals("label mapping names 'murmur' twice (case-insensitive)", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> ImportOptions.defaults().withLabelMapping(Map.of(" ", "a")));
    }

    @Test
    void withersChangeOneSetting() {
        ImportOptions options = ImportOptions.defaults().withLayout(Layout.CIRCOR_2022)
                .withTrainOnUnknownCirCor(true);
        assertEquals(Optional.of(Layout.CIRCOR_2022), options.layout());
        assertEquals(ImportOptions.DEFAULT_LABEL_MAPPING, options.labelMapping());
        assertEquals(true, options.trainOnUnknownCirCor());
    }
}
