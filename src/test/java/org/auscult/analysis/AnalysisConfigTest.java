package org.auscult.analysis;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.auscult.dsp.ParameterException;
import org.junit.jupiter.api.Test;

class AnalysisConfigTest {

    @Test
    void aKeyNoAnalysisReadsIsRefusedByName() {
        ParameterException refused = assertThrows(ParameterException.class,
                () -> AnalysisConfig.requireKnownKeys(Map.of("analysis.rates", "2000")));
        assertTrue(refused.getMessage().contains("unknown analysis parameter 'analysis.rates'"), refused.getMessage());
        assertTrue(refused.getMessage().contains("analysis.rate, bandpass.low"), refused.getMessage());
    }

    @Test
    void everyKeyTheAnalysisWritesIsKnown() {
        assertDoesNotThrow(() -> AnalysisConfig.requireKnownKeys(AnalysisConfig.defaults().toProperties()));
        assertDoesNotThrow(() -> AnalysisConfig.requireKnownKeys(
                Map.of(AnalysisConfig.USABLE_STRETCHES, "true", "feature.nMfcc", "20")));
    }

    @Test
    void aModelsConfigurationIsStillReadLenientlyOutsideTheFeatureKeys() {
        // the oldest model files carry keys of their own there
        assertDoesNotThrow(() -> AnalysisConfig.of(Map.of("analysisRate", "4000")));
    }
}
