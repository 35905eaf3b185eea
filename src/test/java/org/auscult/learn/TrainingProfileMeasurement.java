package org.auscult.learn;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * What a training profile costs in a model file and in training time, for a PASCAL-sized training set (585
 * labelled recordings, 56 features, 5 classes; synthetic values, seed 5). Prints a table.
 *
 * <pre>mvn -B -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp "target/test-classes:target/classes:$(cat target/cp.txt)" org.auscult.learn.TrainingProfileMeasurement</pre>
 */
public final class TrainingProfileMeasurement {

    private TrainingProfileMeasurement() {
    }

    public static void main(String[] args) throws IOException {
        LabelledDataset data = Blobs.make(new int[] {351, 129, 46, 19, 40}, 56, 1, 2, 5);
        Random random = new Random(5);
        Map<String, RecordingFacts> facts = new HashMap<>();
        for (String id : data.ids()) {
            facts.put(id, new RecordingFacts(random.nextBoolean() ? 4000 : 44100, 1 + 29 * random.nextDouble(),
                    -40 + 30 * random.nextDouble(), -20 + 20 * random.nextDouble()));
        }
        TrainingProfile.of(data, facts); // warm-up
        int repeats = 50;
        long start = System.nanoTime();
        TrainingProfile profile = null;
        for (int i = 0; i < repeats; i++) {
            profile = TrainingProfile.of(data, facts);
        }
        double millis = (System.nanoTime() - start) / 1e6 / repeats;
        byte[] raw = serialise(profile, false);
        byte[] gzip = serialise(profile, true);
        System.out.printf(Locale.ROOT, "| rows | features | classes | profile (ms) | serialised (bytes) | gzip (bytes) |%n");
        System.out.printf(Locale.ROOT, "|---|---|---|---|---|---|%n");
        System.out.printf(Locale.ROOT, "| %d | %d | %d | %.2f | %d | %d |%n", data.size(),
                data.featureNames().size(), data.classNames().size(), millis, raw.length, gzip.length);
    }

    private static byte[] serialise(Object object, boolean gzip) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(gzip ? new GZIPOutputStream(buffer) : buffer)) {
            out.writeObject(object);
        }
        return buffer.toByteArray();
    }
}
