package org.auscult.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.auscult.dsp.ParameterException;
import org.junit.jupiter.api.Test;

import weka.core.Instances;

class LabelledDatasetTest {

    private static LabelledDataset three() {
        return new LabelledDataset(List.of("a", "b"), List.of("normal", "murmur"),
                new double[][] {{1, 2}, {3, 4}, {5, 6}}, new int[] {0, 1, LabelledDataset.UNLABELLED},
                new String[] {"x.wav", "y.wav", "z.wav"}, new String[] {"p1", "p2", "p3"},
                new String[] {"set_a", "set_b", "set_b"});
    }

    @Test
    void validatesLengthsValuesAndLabels() {
        List<String> features = List.of("a");
        List<String> classes = List.of("n", "m");
        String[] one = {"x"};
        assertThrows(ParameterException.class, () -> new LabelledDataset(features, classes,
                new double[][] {{1}}, new int[] {0, 1}, one, one, one));
        ParameterException notFinite = assertThrows(ParameterException.class, () -> new LabelledDataset(features,
                classes, new double[][] {{Double.NaN}}, new int[] {0}, one, one, one));
        assertTrue(notFinite.getMessage().contains("feature a"), notFinite.getMessage());
        assertThrows(ParameterException.class, () -> new LabelledDataset(features, classes,
                new double[][] {{1}}, new int[] {2}, one, one, one));
        assertThrows(ParameterException.class, () -> new LabelledDataset(features, classes,
                new double[][] {{1, 2}}, new int[] {0}, one, one, one));
        assertThrows(ParameterException.class, () -> new LabelledDataset(List.of("a", "a"), classes,
                new double[][] {{1, 2}}, new int[] {0}, one, one, one));
        assertThrows(ParameterException.class, () -> new LabelledDataset(features, List.of("n"),
                new double[][] {{1}}, new int[] {0}, one, one, one));
    }

    @Test
    void countsAndSubsets() {
        LabelledDataset data = three();
        assertArrayEquals(new int[] {1, 1}, data.classCounts());
        assertArrayEquals(new int[] {0, 1}, data.trainableRows());
        LabelledDataset labelled = data.labelledOnly();
        assertEquals(2, labelled.size());
        LabelledDataset reversed = data.subset(new int[] {1, 0});
        assertArrayEquals(new double[] {3, 4}, reversed.row(0));
        assertEquals("y.wav", reversed.ids()[0]);
        assertEquals(List.of("set_a", "set_b"), data.distinctSources());
    }

    @Test
    void isImmutable() {
        double[][] values = {{1, 2}};
        LabelledDataset data = new LabelledDataset(List.of("a", "b"), List.of("n", "m"), values, new int[] {0},
                new String[] {"x"}, new String[] {"g"}, new String[] {"s"});
        values[0][0] = 99;
        data.features()[0][1] = 99;
        assertArrayEquals(new double[] {1, 2}, data.row(0));
    }

    @Test
    void fingerprintIsStableAndFollowsValuesAndLabels() {
        LabelledDataset data = three();
        assertEquals(data.fingerprint(), three().fingerprint());
        assertEquals(64, data.fingerprint().length());
        LabelledDataset renamed = new LabelledDataset(data.featureNames(), data.classNames(), data.features(),
                data.classIndex(), new String[] {"1", "2", "3"}, new String[] {"q", "q", "q"}, data.sources());
        assertEquals(data.fingerprint(), renamed.fingerprint(), "ids and groups are not part of the data");
        double[][] changed = data.features();
        changed[2][1] = Math.nextUp(changed[2][1]);
        assertNotEquals(data.fingerprint(), new LabelledDataset(data.featureNames(), data.classNames(), changed,
                data.classIndex(), data.ids(), data.groups(), data.sources()).fingerprint());
        assertNotEquals(data.fingerprint(), new LabelledDataset(data.featureNames(), data.classNames(),
                data.features(), new int[] {1, 1, -1}, data.ids(), data.groups(), data.sources()).fingerprint());
        assertNotEquals(data.fingerprint(), new LabelledDataset(List.of("a", "c"), data.classNames(),
                data.features(), data.classIndex(), data.ids(), data.groups(), data.sources()).fingerprint());
    }

    @Test
    void toInstancesPutsTheNominalClassLast() {
        Instances instances = three().toInstances();
        assertEquals(3, instances.numInstances());
        assertEquals(3, instances.numAttributes());
        assertEquals(2, instances.classIndex());
        assertTrue(instances.classAttribute().isNominal());
        assertEquals("murmur", instances.classAttribute().value(1));
        assertEquals(4.0, instances.instance(1).value(1));
        assertEquals(1.0, instances.instance(1).classValue());
        assertTrue(instances.instance(2).classIsMissing(), "unlabelled rows have a missing class");
    }

    @Test
    void classAttributeNameAvoidsAFeatureCalledClass() {
        Instances header = LabelledDataset.header(List.of("class", "b"), List.of("n", "m"));
        assertEquals("_class", header.classAttribute().name());
    }

    @Test
    void sourceAsClass() {
        LabelledDataset bySource = three().withSourceAsClass();
        assertEquals(List.of("set_a", "set_b"), bySource.classNames());
        assertArrayEquals(new int[] {0, 1}, bySource.classIndex());
    }
}
