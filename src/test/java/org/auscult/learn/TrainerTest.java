package org.auscult.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.auscult.dsp.ParameterException;
import org.junit.jupiter.api.Test;

class TrainerTest {

    private static final LabelledDataset TRAIN = Blobs.make(new int[] {30, 30}, 3, 1, 4, 51);

    @Test
    void trainsOnTheLabelledRowsAndRecordsWhereTheModelCameFrom() {
        Map<String, String> configuration = new LinkedHashMap<>();
        configuration.put("zeta", "1");
        configuration.put("alpha", "2");
        TrainedModel model = Trainer.train(TRAIN, Blobs.small(Preset.SMO), configuration, null);
        assertEquals(List.of("zeta", "alpha"), List.copyOf(model.featureConfiguration().keySet()),
                "recorded verbatim, in order");
        assertEquals(TRAIN.fingerprint(), model.dataFingerprint());
        assertEquals(weka.core.Version.VERSION, model.versions().get("weka"));
        assertEquals(System.getProperty("java.version"), model.versions().get("java"));
        assertTrue(model.versions().containsKey("auscult"));
        assertNull(model.evaluation());
        assertEquals("class0", model.predict(new double[] {4, 0, 0}));
        assertEquals("class1", model.predict(new double[] {0, 4, 0}));
        double[] posterior = model.posterior(new double[] {1, 1, 0});
        assertEquals(1.0, posterior[0] + posterior[1], 1e-12);
    }

    @Test
    void unlabelledRowsAreIgnored() {
        int[] labels = TRAIN.classIndex();
        labels[0] = LabelledDataset.UNLABELLED;
        LabelledDataset partly = new LabelledDataset(TRAIN.featureNames(), TRAIN.classNames(), TRAIN.features(),
                labels, TRAIN.ids(), TRAIN.groups(), TRAIN.sources());
        TrainedModel model = Trainer.train(partly, Blobs.small(Preset.RANDOM_FOREST), Map.of(), null);
        assertEquals(partly.labelledOnly().fingerprint(), model.dataFingerprint());
    }

    @Test
    void refusesDataWithOneClass() {
        LabelledDataset oneClass = TRAIN.subset(new int[] {0, 1, 2});
        ParameterException error = assertThrows(ParameterException.class,
                () -> Trainer.train(oneClass, ModelSpec.DEFAULTS, Map.of(), null));
        assertTrue(error.getMessage().contains("at least two classes"), error.getMessage());
    }

    @Test
    void refusesFeatureVectorsOfTheWrongShape() {
        TrainedModel model = Trainer.train(TRAIN, Blobs.small(Preset.RANDOM_FOREST), Map.of(), null);
        assertThrows(ParameterException.class, () -> model.posterior(new double[] {1, 2}));
        assertThrows(ParameterException.class, () -> model.posterior(new double[] {1, 2, Double.NaN}));
    }
}
