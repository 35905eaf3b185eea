package org.auscult.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.auscult.analysis.FeatureTableBuilder;
import org.auscult.dsp.ParameterException;
import org.auscult.library.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The training labels of a run: which recordings are trained apart, the merge, and the properties of both. */
class TrainingLabelsTest {

    private static Recording recording(String label, String written) {
        return new Recording(Path.of("/data/" + written + ".wav"), "set_a/" + written, Optional.ofNullable(label),
                written, "p1", "set_a", Map.of());
    }

    @Test
    void thePascalChoiceKeepsNoisyLabelsApartAndMergesThemBack() {
        TrainingLabels pascal = TrainingLabels.pascalNoisyApart();
        assertTrue(pascal.keepNoisy());
        assertEquals(List.of("noisynormal", "noisymurmur"), List.copyOf(pascal.merge().keySet()));
        assertEquals(Map.of("keepNoisy", "true", "merge", "noisynormal=normal,noisymurmur=murmur"),
                pascal.toProperties());
        assertEquals(pascal, TrainingLabels.of(pascal.toProperties()));
        assertEquals("noisy labels apart, answers noisynormal->normal, noisymurmur->murmur", pascal.describe());
        assertFalse(pascal.asImported());
        assertTrue(TrainingLabels.AS_IMPORTED.asImported());
        assertEquals(Map.of("keepNoisy", "false", "merge", ""), TrainingLabels.AS_IMPORTED.toProperties());
    }

    @Test
    void missingKeysMeanTheLabelsAsImported() {
        assertEquals(TrainingLabels.AS_IMPORTED, TrainingLabels.of(Map.of()));
        assertEquals(new TrainingLabels(true, Map.of()), TrainingLabels.of(Map.of("keepNoisy", "true")));
        assertEquals(new TrainingLabels(false, Map.of("murmur", "abnormal")),
                TrainingLabels.of(Map.of("merge", " murmur = abnormal ")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "keepNoisy|yes|labels.keepNoisy must be true or false, got 'yes'",
            "merge|murmur|labels.merge: expected FINE=COARSE pairs separated by ',', got 'murmur'",
            "merge|murmur=abnormal,|labels.merge: expected FINE=COARSE pairs separated by ',', got ''",
            "merge|a=b,a=c|labels.merge names 'a' twice",
            "merge|a=a|labels.merge: 'a=a' merges a class into itself",
            "merge|a=b,b=c|labels.merge: 'b' is merged into 'c' and also the target of 'a'; name the final class "
                    + "directly",
            "keepNoisey|true|labels: unknown setting 'keepNoisey'; known are [keepNoisy, merge]"})
    void aMalformedSettingIsRefusedByName(String key, String value, String message) {
        ParameterException refused = assertThrows(ParameterException.class,
                () -> TrainingLabels.of(Map.of(key, value)));
        assertEquals(message, refused.getMessage());
    }

    @Test
    void onlyRecordingsTheImportMergedAreTrainedUnderTheirWrittenLabel() {
        Recording merged = recording("normal", "noisynormal");
        Recording writtenInCapitals = recording("murmur", " NoisyMurmur ");
        Recording relabelledByTheUser = recording("murmur", "noisynormal");
        Recording clean = recording("normal", "normal");
        Recording unlabelled = recording(null, "noisynormal");
        assertEquals("noisynormal", TrainingLabels.mergedNoisyLabel(merged));
        assertEquals("noisymurmur", TrainingLabels.mergedNoisyLabel(writtenInCapitals));
        assertNull(TrainingLabels.mergedNoisyLabel(relabelledByTheUser));
        assertNull(TrainingLabels.mergedNoisyLabel(clean));
        assertNull(TrainingLabels.mergedNoisyLabel(unlabelled));
        assertEquals(2, TrainingLabels.countMergedNoisy(
                List.of(merged, writtenInCapitals, relabelledByTheUser, clean, unlabelled)));

        TrainingLabels apart = new TrainingLabels(true, Map.of());
        assertEquals(new FeatureTableBuilder.Input(merged.path(), merged.id(), "noisynormal", "p1", "set_a"),
                apart.inputOf(merged));
        assertEquals(FeatureTableBuilder.Input.of(relabelledByTheUser), apart.inputOf(relabelledByTheUser));
        assertEquals(FeatureTableBuilder.Input.of(merged), TrainingLabels.AS_IMPORTED.inputOf(merged));
        assertEquals(FeatureTableBuilder.Input.of(merged),
                new TrainingLabels(false, TrainingLabels.pascalNoisyApart().merge()).inputOf(merged));
    }

    @Test
    void aMergeOfAClassTheDataLacksNamesItAndTheClassesThereAre() {
        TrainingLabels mergeOnly = new TrainingLabels(false, TrainingLabels.pascalNoisyApart().merge());
        ParameterException missing = assertThrows(ParameterException.class,
                () -> mergeOnly.requireMergeableFrom(List.of("normal", "murmur", "normal"), "the recordings"));
        assertEquals("labels.merge names the classes [noisynormal, noisymurmur], which the recordings do not have "
                + "(their classes: [murmur, normal]); PASCAL's noisy classes exist only when they are kept apart "
                + "(labels.keepNoisy=true)", missing.getMessage());
        TrainingLabels.pascalNoisyApart().requireMergeableFrom(List.of("noisymurmur", "noisynormal", "normal"),
                "the recordings");
        ParameterException one = assertThrows(ParameterException.class, () -> new TrainingLabels(true,
                Map.of("extrahls", "normal")).requireMergeableFrom(List.of("normal", "murmur"), "the recordings"));
        assertEquals("labels.merge names the class 'extrahls', which the recordings do not have (their classes: "
                + "[murmur, normal])", one.getMessage());
    }

    @Test
    void theMergeKeepsTheOrderItWasGivenIn() {
        Map<String, String> merge = new LinkedHashMap<>();
        merge.put("murmur", "abnormal");
        merge.put("extrastole", "abnormal");
        TrainingLabels labels = new TrainingLabels(false, merge);
        assertEquals("murmur=abnormal,extrastole=abnormal", labels.toProperties().get("merge"));
        merge.clear();
        assertEquals(2, labels.merge().size(), "a copy is kept");
    }
}
