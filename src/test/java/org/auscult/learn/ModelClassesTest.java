package org.auscult.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
import java.io.ObjectStreamField;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The model-file allow-list ({@link ModelClasses}) is exactly what the project's model designs need: every design
 * ({@link ModelDesigns}) and every shipped model file round-trips through it, and it holds no class they do not
 * name. A design that needs a new class fails here, with the classes to review and add, rather than in a user's
 * hands.
 */
class ModelClassesTest {

    @TempDir
    Path folder;

    static Stream<ModelDesigns.Design> designs() {
        return Stream.concat(ModelDesigns.all().stream(), ModelDesigns.shipped().stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("designs")
    void everyDesignRoundTripsThroughTheAllowList(ModelDesigns.Design design) throws IOException {
        TrainedModel model = design.model();
        Path file = folder.resolve("design" + ModelFile.EXTENSION);
        ModelFile.save(model, file, false);
        TrainedModel loaded = ModelFile.load(file);
        double[][] rows = rows(model.featureNames().size());
        double[][] expected = model.posteriors(rows);
        double[][] actual = loaded.posteriors(rows);
        for (int row = 0; row < rows.length; row++) {
            assertArrayEquals(expected[row], actual[row], 0.0, "row " + row);
        }
        assertEquals(model.spec(), loaded.spec());
        assertEquals(model.profile(), loaded.profile());
    }

    @Test
    void theAllowListIsExactlyTheClassesTheDesignsName() throws IOException, ClassNotFoundException {
        Set<String> named = new TreeSet<>();
        Set<String> rebuilt = new TreeSet<>();
        for (ModelDesigns.Design design : designs().toList()) {
            byte[] payload = ModelFile.serialise(design.model());
            StreamScan.Result scan = StreamScan.check(gunzip(payload), new ScanBudget.Limits(Long.MAX_VALUE,
                    Long.MAX_VALUE, 100_000, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE,
                    System.nanoTime() + 600_000_000_000L), name -> true);
            for (String name : scan.classes()) {
                String element = name.replaceFirst("^\\[+", "");
                if (element.startsWith("L")) {
                    named.add(element.substring(1, element.length() - 1));
                } else if (!element.startsWith("[") && element.equals(name)) {
                    named.add(name);
                }
            }
            try (ObjectInputStream in = new ObjectInputStream(gunzip(payload))) {
                in.setObjectInputFilter(info -> {
                    if (info.serialClass() != null) {
                        rebuilt.add(info.serialClass().getName());
                    }
                    return ObjectInputFilter.Status.ALLOWED;
                });
                in.readObject();
            }
        }
        Set<String> missing = new TreeSet<>(named);
        missing.removeAll(ModelClasses.ALLOWED);
        Set<String> unused = new TreeSet<>(ModelClasses.ALLOWED);
        unused.removeAll(named);
        assertEquals(Set.of(), missing, "classes the designs need that the allow-list lacks (review, then add)");
        assertEquals(Set.of(), unused, "classes on the allow-list that no design needs (remove)");

        Set<String> beyondStream = new TreeSet<>();
        for (String name : rebuilt) {
            String element = name.replaceFirst("^\\[+L?", "").replaceFirst(";$", "");
            if (!ModelClasses.ALLOWED.contains(element) && element.length() > 1) {
                beyondStream.add(name);
            }
        }
        assertEquals(new TreeSet<>(ModelClasses.REBUILT), beyondStream,
                "what deserialisation creates beyond the stream's classes");
    }

    /**
     * No allowed class can reach outside the model: none is a class that reads another model, none has a field
     * holding a file, URL, path, stream or script, and the only classes with their own deserialisation code are the
     * JDK collections and the Auscult records and classifiers reviewed here.
     */
    @Test
    void noAllowedClassReadsAnything() throws ClassNotFoundException {
        List<String> problems = new ArrayList<>();
        Set<String> customReaders = new TreeSet<>();
        for (String name : ModelClasses.ALLOWED) {
            Class<?> type = Class.forName(name, false, ModelClassesTest.class.getClassLoader());
            assertTrue(!ModelClasses.NEVER.contains(name), name);
            for (String never : ModelClasses.NEVER) {
                Class<?> refused = Class.forName(never, false, ModelClassesTest.class.getClassLoader());
                if (refused.isAssignableFrom(type)) {
                    problems.add(name + " is a " + never);
                }
            }
            ObjectStreamClass stream = ObjectStreamClass.lookupAny(type);
            for (ObjectStreamField field : stream.getFields()) {
                Class<?> fieldType = field.getType();
                List<String> words = Arrays.stream(field.getName().split("_|(?<=[a-z])(?=[A-Z])"))
                        .map(word -> word.toLowerCase(Locale.ROOT)).toList();
                if (java.io.File.class.isAssignableFrom(fieldType) || java.net.URL.class.isAssignableFrom(fieldType)
                        || java.net.URI.class.isAssignableFrom(fieldType) || Path.class.isAssignableFrom(fieldType)
                        || java.io.InputStream.class.isAssignableFrom(fieldType)
                        || java.io.Reader.class.isAssignableFrom(fieldType)
                        || words.stream().anyMatch(Set.of("path", "file", "url", "uri", "script", "expression",
                        "source", "command")::contains)) {
                    problems.add(name + "." + field.getName() + " (" + fieldType.getName() + ")");
                }
            }
            for (Method method : type.getDeclaredMethods()) {
                if (!Modifier.isStatic(method.getModifiers()) && Set.of("readObject", "readObjectNoData",
                        "readResolve", "readExternal", "validateObject").contains(method.getName())) {
                    customReaders.add(name);
                }
            }
        }
        assertEquals(List.of(), problems);
        assertEquals(new TreeSet<>(Set.of("java.util.ArrayList", "java.util.BitSet", "java.util.CollSer",
                "java.util.HashMap", "java.util.Hashtable",
                "java.util.Random", "java.util.TreeMap", "java.lang.Enum")), customReaders,
                "classes with their own deserialisation code: review what they do before adding one");
    }

    private static InputStream gunzip(byte[] payload) throws IOException {
        return new GZIPInputStream(new ByteArrayInputStream(payload));
    }

    private static double[][] rows(int features) {
        java.util.Random random = new java.util.Random(5);
        double[][] rows = new double[20][features];
        for (double[] row : rows) {
            for (int f = 0; f < features; f++) {
                row[f] = random.nextGaussian() * 3;
            }
        }
        return rows;
    }
}
