package org.auscult.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.auscult.dsp.ParameterException;
import org.auscult.learn.Balancing;
import org.auscult.learn.ConfusionMatrix;
import org.auscult.learn.ModelSpec;
import org.auscult.learn.Preset;
import org.junit.jupiter.api.Test;

/** The record of a run as properties, and back. */
class ExperimentTest {

    static Experiment sample(String id) {
        ExperimentSettings settings = ExperimentSettings.defaults().withSeed(9);
        settings = new ExperimentSettings(settings.analysis(),
                ModelSpec.of(Preset.SMO).withBalancing(Balancing.CLASS_WEIGHTS).withSeed(9), settings.evaluation());
        return new Experiment(id, Instant.parse("2026-01-01T00:00:00Z"), "/data/my collection", settings,
                "0123456789abcdef", new ConfusionMatrix(List.of("murmur", "normal"), new long[][] {{3, 1}, {2, 6}}),
                "");
    }

    @Test
    void propertiesRoundTripEveryField() {
        Experiment experiment = sample("run-1").withModelPath("C:\\models\\a b=c.auscult");
        Map<String, String> properties = experiment.toProperties();
        assertEquals("0.75", properties.get("metrics.accuracy"));
        assertEquals("3,1", properties.get("confusion.row.0"));
        assertEquals("smo", properties.get("model.preset"));
        assertEquals("9", properties.get("evaluation.seed"));
        assertEquals(experiment, Experiment.of(properties, "test"));
    }

    @Test
    void aRecordWrittenBeforeTheLabelSettingsReadsAsTrainedOnTheLabelsAsImported() {
        Map<String, String> properties = new LinkedHashMap<>(sample("run-old").toProperties());
        assertEquals("false", properties.remove("labels.keepNoisy"));
        assertEquals("", properties.remove("labels.merge"));
        Experiment old = Experiment.of(properties, "runs/run-old.properties");
        assertEquals(sample("run-old"), old);
        assertEquals(TrainingLabels.AS_IMPORTED, old.settings().labels());
        assertEquals(old.settings(), ExperimentSettings.of(properties));
    }

    @Test
    void theLabelSettingsAreKeptWithTheRecordAndNamedInItsDescription() {
        Experiment sample = sample("run-labels");
        Experiment pascal = new Experiment(sample.id(), sample.created(), sample.collection(),
                sample.settings().withLabels(TrainingLabels.pascalNoisyApart()).withSeed(11),
                sample.dataFingerprint(), sample.confusion(), "");
        Map<String, String> properties = pascal.toProperties();
        assertEquals("true", properties.get("labels.keepNoisy"));
        assertEquals("noisynormal=normal,noisymurmur=murmur", properties.get("labels.merge"));
        Experiment read = Experiment.of(properties, "test");
        assertEquals(pascal, read);
        assertEquals(TrainingLabels.pascalNoisyApart(), read.settings().labels());
        assertEquals(11, read.settings().seed());
        assertTrue(read.describe().endsWith(", noisy labels apart, answers noisynormal->normal, "
                + "noisymurmur->murmur"), read.describe());
        assertFalse(sample.describe().contains("labels"), sample.describe());

        properties.put("labels.keepNoisy", "maybe");
        ParameterException refused = assertThrows(ParameterException.class, () -> Experiment.of(properties, "f"));
        assertEquals("f: labels.keepNoisy must be true or false, got 'maybe'", refused.getMessage());
    }

    @Test
    void metricsComeFromTheConfusionMatrix() {
        Experiment experiment = sample("run-2");
        assertEquals(9.0 / 12, experiment.accuracy(), 0.0);
        assertEquals((3.0 / 4 + 6.0 / 8) / 2, experiment.balancedAccuracy(), 1e-15);
        assertTrue(experiment.describe().startsWith("smo, grouped-cv, 10 folds x 3 repeats, seed 9"),
                experiment.describe());
    }

    @Test
    void aMissingOrMalformedKeyIsNamedWithTheFile() {
        Map<String, String> properties = new LinkedHashMap<>(sample("run-3").toProperties());
        properties.remove("data.fingerprint");
        ParameterException missing = assertThrows(ParameterException.class,
                () -> Experiment.of(properties, "runs/run-3.properties"));
        assertEquals("runs/run-3.properties: the key 'data.fingerprint' is missing", missing.getMessage());
        properties.put("data.fingerprint", "ff");
        properties.put("confusion.row.1", "2,x");
        ParameterException malformed = assertThrows(ParameterException.class,
                () -> Experiment.of(properties, "runs/run-3.properties"));
        assertTrue(malformed.getMessage().startsWith("runs/run-3.properties: "), malformed.getMessage());
        assertThrows(ParameterException.class, () -> sample("../escape"));
    }
}
