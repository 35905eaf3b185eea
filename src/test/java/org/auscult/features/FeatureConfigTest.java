package org.auscult.features;

import org.auscult.dsp.ParameterException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.auscult.dsp.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class FeatureConfigTest {

    private static final FeatureConfig CUSTOM = new FeatureConfig(512, 100, Window.BLACKMAN, false, PadMode.REFLECT, 20,
            64, 12.5, 0.0, Double.POSITIVE_INFINITY, 0.95, 24, -0.125, List.of("chroma", "zcr", "melspectrogram"),
            List.of(SummaryStatistic.MEDIAN, SummaryStatistic.MAX, SummaryStatistic.MIN, SummaryStatistic.STD,
                    SummaryStatistic.MEAN));

    static Stream<FeatureConfig> configs() {
        return Stream.of(FeatureConfig.defaults(), FeatureConfig.heart(), FeatureConfig.librosaDefaults(), CUSTOM);
    }

    @ParameterizedTest
    @MethodSource("configs")
    void roundTripsThroughProperties(FeatureConfig config) {
        Map<String, String> properties = config.toProperties();
        assertEquals(FeatureConfig.KEYS, List.copyOf(properties.keySet()));
        assertEquals(config, FeatureConfig.of(properties));
        assertEquals(properties, FeatureConfig.of(properties).toProperties());
    }

    @Test
    void propertiesAreReadable() {
        Map<String, String> properties = FeatureConfig.defaults().toProperties();
        assertEquals("256", properties.get("frameSize"));
        assertEquals("hann", properties.get("window"));
        assertEquals("constant", properties.get("padMode"));
        assertEquals("2000.0", properties.get("fmax"));
        assertEquals("mfcc,zcr,spectral_centroid,spectral_rolloff,chroma", properties.get("features"));
        assertEquals("mean,std", properties.get("statistics"));
        assertEquals("Infinity", CUSTOM.toProperties().get("topDb"));
    }

    @Test
    void absentKeysTakeTheDefaultsAndTextIsTrimmedAndCaseInsensitive() {
        FeatureConfig config = FeatureConfig.of(Map.of("hopSize", " 128 ", "window", "Hamming", "statistics",
                "MEAN, median", "center", "FALSE"));
        assertEquals(128, config.hopSize());
        assertEquals(Window.HAMMING, config.window());
        assertEquals(List.of(SummaryStatistic.MEAN, SummaryStatistic.MEDIAN), config.statistics());
        assertEquals(false, config.center());
        assertEquals(FeatureConfig.defaults().nMfcc(), config.nMfcc());
        assertEquals(FeatureConfig.defaults(), FeatureConfig.of(Map.of()));
    }

    @Test
    void aConfigurationThatNamesNoEmissionSegmentsWithTheHandSetOneAsBeforeTheChoiceExisted() {
        Map<String, String> before = new java.util.LinkedHashMap<>(FeatureConfig.defaults().toProperties());
        before.remove("cycleEmission");
        assertEquals(CycleEmission.HAND_SET, FeatureConfig.of(before).cycleEmission());
        assertEquals(CycleEmission.HAND_SET, FeatureConfig.defaults().cycleEmission());

        FeatureConfig trained = FeatureConfig.defaults().withCycleEmission(CycleEmission.TRAINED);
        assertEquals("trained", trained.toProperties().get("cycleEmission"));
        assertEquals(trained, FeatureConfig.of(trained.toProperties()));
        assertEquals(CycleEmission.TRAINED, FeatureConfig.of(Map.of("cycleEmission", " Trained ")).cycleEmission());
        assertEquals(trained, trained.withFeatures(List.of("mfcc")).withFeatures(trained.features()));

        ParameterException wrong = assertThrows(ParameterException.class,
                () -> FeatureConfig.of(Map.of("cycleEmission", "learnt")));
        assertEquals("cycleEmission must be one of hand-set, trained, network, got 'learnt'", wrong.getMessage());
    }

    @Test
    void theDefaultsAreTheHeartSoundReferenceParameters() {
        FeatureConfig defaults = FeatureConfig.defaults();
        assertEquals(FeatureConfig.heart(), defaults);
        assertEquals(256, defaults.frameSize());
        assertEquals(64, defaults.hopSize());
        assertEquals(13, defaults.nMfcc());
        assertEquals(40, defaults.nMels());
        assertEquals(25.0, defaults.fmin());
        assertEquals(2000.0, defaults.fmax());
        assertEquals(2000.0, defaults.melUpperFrequency(4000));
        assertEquals(22050.0, FeatureConfig.librosaDefaults().melUpperFrequency(44100), "fmax 0 is Nyquist");
    }

    @Test
    void framingArithmetic() {
        FeatureConfig centred = FeatureConfig.defaults();
        assertEquals(188, centred.frameCount(12002));
        assertEquals(1, centred.frameCount(0));
        assertEquals(-128, centred.frameStart(0));
        assertEquals(129, centred.binCount());
        FeatureConfig uncentred = CUSTOM;
        assertEquals(0, uncentred.frameCount(511));
        assertEquals(1, uncentred.frameCount(512));
        assertEquals(2, uncentred.frameCount(612));
        assertEquals(100, uncentred.frameStart(1));
    }

    static Stream<Arguments> invalidValues() {
        return Stream.of(
                Arguments.of("frameSize", "0"), Arguments.of("frameSize", "100"), Arguments.of("frameSize", "8"),
                Arguments.of("frameSize", "131072"), Arguments.of("frameSize", "-256"),
                Arguments.of("hopSize", "0"), Arguments.of("hopSize", "257"), Arguments.of("hopSize", "-1"),
                Arguments.of("nMfcc", "0"), Arguments.of("nMfcc", "41"),
                Arguments.of("nMels", "0"), Arguments.of("nMels", "2000"),
                Arguments.of("fmin", "-1"), Arguments.of("fmin", "NaN"), Arguments.of("fmin", "Infinity"),
                Arguments.of("fmax", "10"), Arguments.of("fmax", "25"), Arguments.of("fmax", "-5"),
                Arguments.of("fmax", "Infinity"),
                Arguments.of("topDb", "0"), Arguments.of("topDb", "-80"), Arguments.of("topDb", "NaN"),
                Arguments.of("rolloffPercent", "0"), Arguments.of("rolloffPercent", "1"),
                Arguments.of("rolloffPercent", "1.5"), Arguments.of("rolloffPercent", "NaN"),
                Arguments.of("nChroma", "0"), Arguments.of("nChroma", "121"),
                Arguments.of("tuning", "0.6"), Arguments.of("tuning", "-0.51"), Arguments.of("tuning", "NaN"),
                Arguments.of("features", ""), Arguments.of("features", "mfcc,mfcc"),
                Arguments.of("features", "mfcc,spectral_flux"),
                Arguments.of("statistics", ""), Arguments.of("statistics", "mean,mean"),
                Arguments.of("statistics", "mean,variance"),
                Arguments.of("window", "kaiser"), Arguments.of("padMode", "wrap"),
                Arguments.of("center", "yes"), Arguments.of("frameSize", "2k"), Arguments.of("fmin", "low"));
    }

    @ParameterizedTest(name = "{0} = ''{1}''")
    @MethodSource("invalidValues")
    void invalidValuesAreRefusedWithAMessageNamingTheParameterAndValue(String key, String value) {
        Map<String, String> properties = new HashMap<>(FeatureConfig.defaults().toProperties());
        properties.put(key, value);
        ParameterException error = assertThrows(ParameterException.class, () -> FeatureConfig.of(properties));
        assertTrue(error.getMessage().contains(key), error.getMessage());
        String shownValue = value.contains(",") ? value.substring(value.lastIndexOf(',') + 1) : value;
        assertTrue(shownValue.isEmpty() || error.getMessage().contains(shownValue)
                || error.getMessage().contains(Double.toString(parseOrNaN(shownValue))), error.getMessage());
    }

    private static double parseOrNaN(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    @Test
    void theValidRangeIsStated() {
        ParameterException error = assertThrows(ParameterException.class,
                () -> FeatureConfig.defaults().withFraming(256, 300));
        assertEquals("hopSize must be from 1 to frameSize (256), got 300", error.getMessage());
        error = assertThrows(ParameterException.class, () -> FeatureConfig.defaults().withMfcc(13, 40, 2000, 1000));
        assertEquals("fmax must be above fmin (2000.0 Hz), or 0 for the Nyquist frequency, got 1000.0", error.getMessage());
    }

    @Test
    void unknownKeysAreRefused() {
        ParameterException error = assertThrows(ParameterException.class,
                () -> FeatureConfig.of(Map.of("frameSzie", "256")));
        assertTrue(error.getMessage().contains("frameSzie"), error.getMessage());
    }

    @Test
    void listsAreCopiedAndImmutable() {
        List<String> features = new java.util.ArrayList<>(List.of("mfcc"));
        FeatureConfig config = FeatureConfig.defaults().withFeatures(features);
        features.add("zcr");
        assertEquals(List.of("mfcc"), config.features());
        assertThrows(UnsupportedOperationException.class, () -> config.features().add("zcr"));
    }

    @ParameterizedTest
    @CsvSource({"3000, 4000", "2000, 2000", "1000, 1000"})
    void aMelRangeAboveNyquistIsRefusedForThatRate(double fmax, int sampleRate) {
        FeatureConfig config = FeatureConfig.defaults().withMfcc(13, 40, 25, fmax);
        ParameterException error = assertThrows(ParameterException.class, () -> config.melUpperFrequency(sampleRate));
        assertTrue(error.getMessage().contains("Nyquist") || error.getMessage().contains("fmin"), error.getMessage());
    }
}
