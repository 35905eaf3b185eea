package org.auscult.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.ObjectStreamConstants;
import java.io.OutputStream;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import weka.classifiers.Classifier;
import weka.classifiers.meta.FilteredClassifier;
import weka.classifiers.meta.Stacking;
import weka.classifiers.misc.InputMappedClassifier;
import weka.classifiers.misc.SerializedClassifier;
import weka.classifiers.trees.RandomForest;

/**
 * Crafted hostile model files, each generated here: every one must be refused with a {@link ModelFileException}
 * naming the file and a reason, at loading or at the latest at the first prediction, without running any code from
 * the file ({@link Tripwires}), without hanging (the time-out is a hang detector, not a speed check) and without
 * an uncaught {@link Error}.
 *
 * <p>The cases: Weka classes that read other files or evaluate expressions (the model-path finding), nested
 * shared hash collections (the hash-code finding), arrays just under the length limit that add up to gigabytes
 * (the memory finding), gadget chains from the JDK and the libraries on our class path, and broken headers and
 * streams.
 */
class HostileModelFileTest {

    /** A real model to hide things in. */
    private static TrainedModel honest;

    @TempDir
    static Path folder;

    /** One hostile file: its name, how to make its bytes, and a word the refusal must contain. */
    record Hostile(String name, Maker bytes, String reason) {
        @Override
        public String toString() {
            return name;
        }
    }

    @FunctionalInterface
    interface Maker {
        byte[] make() throws Exception;
    }

    @BeforeAll
    static void train() {
        honest = Trainer.train(Blobs.make(new int[] {12, 12}, 3, 2, 3, 61),
                Blobs.small(Preset.RANDOM_FOREST).withForest(RandomForestOptions.DEFAULTS.withTrees(3)),
                Map.of("analysisRate", "2000"), null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileFiles")
    void isRefusedWithoutRunningCodeHangingOrFailing(Hostile hostile) throws Exception {
        byte[] bytes = hostile.bytes().make();
        Path file = folder.resolve(hostile.name().replaceAll("[^A-Za-z0-9]+", "-") + ModelFile.EXTENSION);
        Files.write(file, bytes);
        Tripwires.reset(); // crafting may have tripped a flag (a comparator, a URL hashed); reading must not

        ModelFileException error = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> assertThrows(ModelFileException.class, () -> loadAndPredict(file)));

        String message = error.getMessage();
        assertEquals(file, error.file());
        assertTrue(message.startsWith(file + ": "), message);
        assertTrue(message.length() > (file + ": ").length() + 5, "a reason: " + message);
        assertFalse(message.contains("\n"), "one line: " + message);
        assertTrue(message.contains(hostile.reason()), "expected '" + hostile.reason() + "' in: " + message);
        assertEquals(List.of(), Tripwires.tripped(), "no code from the file ran");
    }

    /** What the workstation does with --model: load, then classify. */
    private static void loadAndPredict(Path file) throws IOException {
        TrainedModel model = ModelFile.load(file);
        try {
            model.posterior(new double[model.featureNames().size()]);
        } catch (RuntimeException e) {
            throw new AssertionError("loaded a hostile model, which then failed at prediction", e);
        }
    }

    static Stream<Hostile> hostileFiles() {
        List<Hostile> cases = new ArrayList<>();
        modelPaths(cases);
        hashCollections(cases);
        memory(cases);
        gadgets(cases);
        structure(cases);
        return cases.stream();
    }

    // ---- Finding 1: Weka classes that read another file, or evaluate expressions -----------------------------

    private static void modelPaths(List<Hostile> cases) {
        cases.add(new Hostile("InputMappedClassifier with a model path", () -> file(serialise(
                withClassifier(inputMapped()))), "weka.classifiers.misc.InputMappedClassifier is not allowed"));
        cases.add(new Hostile("InputMappedClassifier inside a FilteredClassifier", () -> {
            FilteredClassifier filtered = new FilteredClassifier();
            filtered.setClassifier(inputMapped());
            return file(serialise(withClassifier(filtered)));
        }, "InputMappedClassifier is not allowed"));
        cases.add(new Hostile("InputMappedClassifier as a stacking base model", () -> {
            Stacking stacking = new Stacking();
            stacking.setClassifiers(new Classifier[] {new RandomForest(), inputMapped()});
            return file(serialise(withClassifier(stacking)));
        }, "InputMappedClassifier is not allowed"));
        cases.add(new Hostile("InputMappedClassifier under calibrated thresholds", () -> file(serialise(
                withClassifier(new CalibratedThresholds(inputMapped(), ThresholdObjective.MACRO_F1, 1)))),
                "InputMappedClassifier is not allowed"));
        cases.add(new Hostile("InputMappedClassifier under the cost-sensitive posterior", () -> file(serialise(
                withClassifier(new CostSensitivePosterior(inputMapped(), 0.5)))),
                "InputMappedClassifier is not allowed"));
        cases.add(new Hostile("SerializedClassifier with a model file", () -> {
            SerializedClassifier serialized = new SerializedClassifier();
            java.lang.reflect.Field model = SerializedClassifier.class.getDeclaredField("m_ModelFile");
            model.setAccessible(true);
            model.set(serialized, secondFile().toFile()); // the setter would read the file now
            return file(serialise(withClassifier(serialized)));
        }, "weka.classifiers.misc.SerializedClassifier is not allowed"));
        cases.add(new Hostile("weka SerializedObject holding a tripwire", () -> file(tripwire(serialise(
                hiding(new weka.core.SerializedObject(new Tripwir2(1)))))), "weka.core.SerializedObject"));
        cases.add(new Hostile("ArffLoader with a source file", () -> {
            Path arff = folder.resolve("source.arff");
            Files.writeString(arff, "@relation r\n@attribute a numeric\n@data\n1\n");
            weka.core.converters.ArffLoader loader = new weka.core.converters.ArffLoader();
            loader.setFile(arff.toFile());
            return file(serialise(hiding(loader)));
        }, "weka.core.converters.ArffLoader is not allowed"));
        cases.add(new Hostile("MathExpression filter evaluating an expression", () -> {
            weka.filters.unsupervised.attribute.MathExpression expression =
                    new weka.filters.unsupervised.attribute.MathExpression();
            expression.setExpression("pow(A,1000)");
            FilteredClassifier filtered = new FilteredClassifier();
            filtered.setFilter(expression);
            filtered.setClassifier(new RandomForest());
            return file(serialise(withClassifier(filtered)));
        }, "MathExpression is not allowed"));
        cases.add(new Hostile("a Weka classifier outside the designs (IBk)", () -> file(serialise(
                withClassifier(new weka.classifiers.lazy.IBk()))), "weka.classifiers.lazy.IBk is not allowed"));
    }

    /** An InputMappedClassifier that, when first used, reads {@link #secondFile()} by plain deserialisation. */
    private static InputMappedClassifier inputMapped() throws Exception {
        InputMappedClassifier mapped = new InputMappedClassifier();
        java.lang.reflect.Field path = InputMappedClassifier.class.getDeclaredField("m_modelPath");
        path.setAccessible(true);
        path.set(mapped, secondFile().toString()); // the setter would read the file now; a crafted file needs not
        return mapped;
    }

    /** The file an InputMappedClassifier or SerializedClassifier would read: a URLDNS map and a tripwire. */
    private static Path secondFile() throws Exception {
        Path second = folder.resolve("second.model");
        if (!Files.exists(second)) {
            Files.write(second, tripwire(serialise(new Object[] {urlDns("second.invalid"), new Tripwir2(2)})));
        }
        return second;
    }

    // ---- Finding 2: nested shared hash collections ------------------------------------------------------------

    private static void hashCollections(List<Hostile> cases) {
        // HashSet is on no design's list, so the original finding is refused by its name ...
        cases.add(new Hostile("HashSets nested 100 deep, each level shared twice", () -> file(serialise(
                hashBomb(100, HashSet::new))), "class java.util.HashSet is not allowed"));
        cases.add(new Hostile("LinkedHashSets nested 100 deep", () -> file(serialise(
                hashBomb(100, LinkedHashSet::new))), "class java.util.LinkedHashSet is not allowed"));
        cases.add(new Hostile("HashSets nested 100 deep inside a real model", () -> file(serialise(
                hiding(hashBomb(100, HashSet::new)))), "class java.util.HashSet is not allowed"));
        // ... and the same shape from the hash collections models do hold is refused by its unfolded weight.
        cases.add(new Hostile("HashMaps keyed by HashMaps, 100 deep", () -> file(serialise(
                mapBomb(100, HashMap::new))), "rebuilding it would visit"));
        cases.add(new Hostile("HashMaps keyed by HashMaps, 30 deep, inside a real model", () -> file(serialise(
                hiding(mapBomb(30, HashMap::new)))), "rebuilding it would visit"));
        cases.add(new Hostile("Hashtables keyed by Hashtables, 100 deep", () -> file(serialise(
                mapBomb(100, Hashtable::new))), "rebuilding it would visit"));
        cases.add(new Hostile("LinkedHashMaps keyed by LinkedHashMaps, 100 deep", () -> file(serialise(
                mapBomb(100, LinkedHashMap::new))), "rebuilding it would visit"));
        cases.add(new Hostile("nested HashMaps written leaf first (a shallow stream)", () -> file(serialise(
                flatMapBomb(100))), "rebuilding it would visit"));
        cases.add(new Hostile("a HashMap keyed by lists that double 100 times", () -> file(serialise(
                listBombInMap(100, false))), "rebuilding it would visit"));
        cases.add(new Hostile("a HashMap keyed by immutable lists that double 100 times", () -> file(serialise(
                listBombInMap(100, true))), "rebuilding it would visit"));
        cases.add(new Hostile("a HashMap keyed by a list that holds itself", () -> {
            Map<Object, Object> map = new HashMap<>();
            ArrayList<Object> self = new ArrayList<>();
            map.put(self, "x");
            self.add(self);
            return file(serialise(hiding(map)));
        }, "refused"));
    }

    /** The classic: each level's two sets both hold both sets of the next level, so hashing doubles per level. */
    static Set<Object> hashBomb(int depth, Supplier<Set<Object>> sets) {
        Set<Object> root = sets.get();
        Set<Object> s1 = root;
        Set<Object> s2 = sets.get();
        for (int i = 0; i < depth; i++) {
            Set<Object> t1 = sets.get();
            Set<Object> t2 = sets.get();
            t1.add("level");
            s1.add(t1); // hashed while still small: making the bomb is cheap, rebuilding it is not
            s1.add(t2);
            s2.add(t1);
            s2.add(t2);
            s1 = t1;
            s2 = t2;
        }
        return root;
    }

    private static Map<Object, Object> mapBomb(int depth, Supplier<Map<Object, Object>> maps) {
        Map<Object, Object> root = maps.get();
        Map<Object, Object> s1 = root;
        Map<Object, Object> s2 = maps.get();
        for (int i = 0; i < depth; i++) {
            Map<Object, Object> t1 = maps.get();
            Map<Object, Object> t2 = maps.get();
            t1.put("level", "x");
            s1.put(t1, "a");
            s1.put(t2, "b");
            s2.put(t1, "a");
            s2.put(t2, "b");
            s1 = t1;
            s2 = t2;
        }
        return root;
    }

    /** Nested HashMaps in a list from the deepest level up: each map is read after those it holds. */
    private static List<Object> flatMapBomb(int depth) {
        List<Object> levels = new ArrayList<>();
        Map<Object, Object> s1 = new HashMap<>();
        Map<Object, Object> s2 = new HashMap<>();
        levels.add(s1);
        levels.add(s2);
        for (int i = 0; i < depth; i++) {
            Map<Object, Object> t1 = new HashMap<>();
            Map<Object, Object> t2 = new HashMap<>();
            t1.put("level", "x");
            s1.put(t1, "a");
            s1.put(t2, "b");
            s2.put(t1, "a");
            s2.put(t2, "b");
            levels.add(t1);
            levels.add(t2);
            s1 = t1;
            s2 = t2;
        }
        Collections.reverse(levels);
        return levels;
    }

    private static Map<Object, Object> listBombInMap(int depth, boolean immutable) {
        List<Object> inner = new ArrayList<>();
        for (int i = 0; i < depth; i++) {
            inner = immutable ? List.of(inner, inner) : new ArrayList<>(List.of(inner, inner));
        }
        Map<Object, Object> map = new HashMap<>();
        List<Object> top = new ArrayList<>();
        map.put(top, "x"); // hashed while empty
        top.add(inner);
        return map;
    }

    // ---- Finding 3: memory ---------------------------------------------------------------------------------------

    private static void memory(List<Hostile> cases) {
        cases.add(new Hostile("60 arrays of 9,999,999 null classifiers (2.4 GB of references)", () -> encode(
                arrays("[[Lweka.classifiers.Classifier;", "[Lweka.classifiers.Classifier;", 60, 9_999_999,
                        1, ObjectStreamConstants.TC_NULL)), "beyond 256 MB"));
        cases.add(new Hostile("5 arrays of 9,999,999 doubles (400 MB)", () -> encode(
                arrays("[[D", "[D", 5, 9_999_999, 8, (byte) 0)), "beyond 256 MB"));
        cases.add(new Hostile("4 arrays of 9,999,999 longs (320 MB, each under the limit)", () -> encode(
                arrays("[[J", "[J", 4, 9_999_999, 8, (byte) 0)), "beyond 256 MB"));
        cases.add(new Hostile("one array of 10,000,001 ints", () -> encode(
                arrays("[[I", "[I", 1, 10_000_001, 4, (byte) 0)), "an array of 10000001 elements"));
        cases.add(new Hostile("a declared array of 2^31-1 booleans, truncated", () -> {
            byte[] whole = gunzipped(arrays("[[Z", "[Z", 1, 16, 1, (byte) 0));
            ByteBuffer.wrap(whole).putInt(whole.length - 20, Integer.MAX_VALUE);
            return file(Arrays.copyOf(whole, whole.length - 16));
        }, "an array of 2147483647 elements"));
        cases.add(new Hostile("5 arrays of 3000 x 3000 doubles (360 MB)", () -> encode(
                arrays("[[D", "[D", 5 * 3000, 3000, 8, (byte) 0)), "beyond 256 MB"));
        cases.add(new Hostile("a string declared 2^40 bytes long", () -> {
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(raw);
            out.writeShort(ObjectStreamConstants.STREAM_MAGIC);
            out.writeShort(ObjectStreamConstants.STREAM_VERSION);
            out.writeByte(ObjectStreamConstants.TC_LONGSTRING);
            out.writeLong(1L << 40);
            out.write(new byte[64]);
            return file(raw.toByteArray());
        }, "a string of 1099511627776 bytes"));
        cases.add(new Hostile("an ArrayList claiming a billion elements", () -> {
            byte[] raw = serialise(hiding(new ArrayList<>(List.of("x"))));
            // ArrayList writes its size as a field, then again as block data: 1, TC_BLOCKDATA 4, 1
            return file(replace(raw, new byte[] {0, 0, 0, 1, 0x77, 4, 0, 0, 0, 1},
                    new byte[] {0x3f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x77, 4, 0, 0, 0, 1}));
        }, "an array of 1073741823 elements"));
        cases.add(new Hostile("a HashMap claiming a billion mappings", () -> {
            HashMap<String, String> map = new HashMap<>();
            map.put("k", "v");
            byte[] raw = serialise(hiding(map));
            // HashMap writes its buckets (16) and mappings (1) as block data
            return file(replace(raw, new byte[] {0x77, 8, 0, 0, 0, 16, 0, 0, 0, 1},
                    new byte[] {0x77, 8, 0, 0, 0, 16, 0x3f, (byte) 0xff, (byte) 0xff, (byte) 0xff}));
        }, "elements"));
        cases.add(new Hostile("a payload declared 2 GB long", () -> {
            byte[] bytes = file(serialise(honest));
            ByteBuffer.wrap(bytes).putLong(ModelFile.MAGIC.length() + 1 + 4, 2L << 30);
            return bytes;
        }, "refused: a model of 2147483648 bytes"));
    }

    /**
     * A gzip-compressed stream of one array of {@code rows} arrays of {@code length} elements, each element
     * {@code elementBytes} copies of {@code fill}; written by hand so the test needs no such arrays itself.
     */
    private static byte[] arrays(String outer, String inner, int rows, int length, int elementBytes, byte fill)
            throws IOException, ClassNotFoundException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed, 1 << 16) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }; DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(gzip, 1 << 16))) {
            out.writeShort(ObjectStreamConstants.STREAM_MAGIC);
            out.writeShort(ObjectStreamConstants.STREAM_VERSION);
            out.writeByte(ObjectStreamConstants.TC_ARRAY);
            arrayDescriptor(out, outer); // handle 0
            out.writeInt(rows); // the outer array: handle 1
            byte[] chunk = new byte[1 << 16];
            Arrays.fill(chunk, fill);
            for (int row = 0; row < rows; row++) {
                out.writeByte(ObjectStreamConstants.TC_ARRAY);
                if (row == 0) {
                    arrayDescriptor(out, inner); // handle 2
                } else {
                    out.writeByte(ObjectStreamConstants.TC_REFERENCE);
                    out.writeInt(ObjectStreamConstants.baseWireHandle + 2);
                }
                out.writeInt(length);
                long left = (long) length * elementBytes;
                while (left > 0) {
                    int n = (int) Math.min(left, chunk.length);
                    out.write(chunk, 0, n);
                    left -= n;
                }
            }
        }
        return compressed.toByteArray();
    }

    private static void arrayDescriptor(DataOutputStream out, String name) throws IOException,
            ClassNotFoundException {
        out.writeByte(ObjectStreamConstants.TC_CLASSDESC);
        out.writeUTF(name);
        out.writeLong(ObjectStreamClass.lookup(Class.forName(name)).getSerialVersionUID());
        out.writeByte(ObjectStreamConstants.SC_SERIALIZABLE);
        out.writeShort(0);
        out.writeByte(ObjectStreamConstants.TC_ENDBLOCKDATA);
        out.writeByte(ObjectStreamConstants.TC_NULL);
    }

    // ---- Gadget chains -------------------------------------------------------------------------------------------

    private static void gadgets(List<Hostile> cases) {
        cases.add(new Hostile("URLDNS: a HashMap keyed by a URL", () -> file(serialise(urlDns("dns.invalid"))),
                "class java.net.URL is not allowed"));
        cases.add(new Hostile("URLDNS hidden in a real model", () -> file(serialise(hiding(urlDns("dns.invalid")))),
                "class java.net.URL is not allowed"));
        cases.add(new Hostile("a URL as a Hashtable key", () -> {
            Hashtable<Object, Object> table = new Hashtable<>();
            table.put(Tripwires.url("table.invalid"), "x");
            return file(serialise(hiding(table)));
        }, "class java.net.URL is not allowed"));
        cases.add(new Hostile("a tripwire class (static initialiser and readObject)", () -> file(tripwire(serialise(
                new Tripwir2(3)))), "class org.auscult.learn.Tripwire is not allowed"));
        cases.add(new Hostile("a tripwire hidden in a real model", () -> file(tripwire(serialise(
                hiding(new Tripwir2(4))))), "class org.auscult.learn.Tripwire is not allowed"));
        cases.add(new Hostile("a tripwire in a list in a map in a real model", () -> file(tripwire(serialise(
                hiding(new HashMap<>(Map.of("k", new ArrayList<>(List.of(new Tripwir2(5))))))))),
                "class org.auscult.learn.Tripwire is not allowed"));
        cases.add(new Hostile("a PriorityQueue of tripwires with a reverse-order comparator", () -> {
            PriorityQueue<Object> queue = new PriorityQueue<>(Collections.reverseOrder());
            queue.add(new Tripwir2(6));
            queue.add(new Tripwir2(7));
            return file(tripwire(serialise(hiding(queue))));
        }, "is not allowed"));
        cases.add(new Hostile("a PriorityQueue with a proxy comparator (InvocationHandler)", () -> {
            PriorityQueue<Object> queue = new PriorityQueue<>(proxy(Comparator.class));
            queue.add("a");
            queue.add("b");
            return file(serialise(hiding(queue)));
        }, "is not allowed"));
        cases.add(new Hostile("a proxy hidden in a real model", () -> file(serialise(hiding(proxy(Map.class)))),
                "a dynamic proxy"));
        cases.add(new Hostile("a TreeMap with a case-insensitive comparator", () -> {
            TreeMap<String, String> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            map.put("a", "b");
            return file(serialise(hiding(map)));
        }, "java.lang.String$CaseInsensitiveComparator is not allowed"));
        cases.add(new Hostile("a TreeMap of tripwires with a reverse-order comparator", () -> {
            TreeMap<Object, String> map = new TreeMap<>(Collections.reverseOrder());
            map.put(new Tripwir2(8), "x");
            return file(tripwire(serialise(hiding(map))));
        }, "is not allowed"));
        cases.add(new Hostile("a TemplatesImpl-like class carrying bytecode", () -> file(rename(serialise(
                hiding(new TemplatesStandIn())), TemplatesStandIn.class.getName(),
                "com.sun.org.apache.xalan.internal.xsltc.trax.TemplatesImpl")),
                "com.sun.org.apache.xalan.internal.xsltc.trax.TemplatesImpl is not allowed"));
        cases.add(new Hostile("a commons-collections InvokerTransformer", () -> file(rename(serialise(
                hiding(new TemplatesStandIn())), TemplatesStandIn.class.getName(),
                "org.apache.commons.collections.functors.InvokerTransformer")), "InvokerTransformer is not allowed"));
        cases.add(new Hostile("a BadAttributeValueExpException entry point", () -> file(rename(serialise(
                new TemplatesStandIn()), TemplatesStandIn.class.getName(),
                "javax.management.BadAttributeValueExpException")), "BadAttributeValueExpException is not allowed"));
        cases.add(new Hostile("an RMI remote-object invocation handler", () -> file(rename(serialise(
                hiding(new TemplatesStandIn())), TemplatesStandIn.class.getName(),
                "java.rmi.server.RemoteObjectInvocationHandler")), "RemoteObjectInvocationHandler is not allowed"));
        cases.add(new Hostile("a commons-math matrix", () -> file(serialise(hiding(
                new org.apache.commons.math3.linear.Array2DRowRealMatrix(2, 2)))), "Array2DRowRealMatrix"));
        cases.add(new Hostile("a JFreeChart data set", () -> file(serialise(hiding(
                new org.jfree.data.general.DefaultPieDataset<String>()))), "DefaultPieDataset is not allowed"));
        cases.add(new Hostile("a java.io.File in a real model", () -> file(serialise(hiding(new File("/etc/passwd")))),
                "class java.io.File is not allowed"));
        cases.add(new Hostile("the class java.lang.Runtime as an object", () -> file(serialise(hiding(Runtime.class))),
                "class java.lang.Runtime is not allowed"));
        cases.add(new Hostile("an enum outside the list", () -> file(serialise(hiding(
                java.util.concurrent.TimeUnit.SECONDS))), "java.util.concurrent.TimeUnit is not allowed"));
        cases.add(new Hostile("an Externalizable class", () -> file(serialise(hiding(new ExternalStandIn()))),
                "ExternalStandIn"));
        cases.add(new Hostile("a String array where the model holds none", () -> file(serialise(
                hiding(new String[] {"a"}))), "class java.lang.String is not allowed"));
        cases.add(new Hostile("a Set.of that resolves to an immutable set", () -> file(serialise(
                hiding(Set.of("a", "b")))), "ImmutableCollections$Set12 is not allowed"));
    }

    private static Map<Object, Object> urlDns(String host) throws IOException {
        Map<Object, Object> map = new HashMap<>();
        map.put(Tripwires.url(host), "value");
        return map;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type) {
        return (T) Proxy.newProxyInstance(HostileModelFileTest.class.getClassLoader(), new Class<?>[] {type},
                new Tripwires.Handler());
    }

    /** Stands in for classes not on our class path: renamed in the stream to theirs. */
    static final class TemplatesStandIn implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private final byte[][] bytecodes = {{(byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbe}};
        private final String name = "Pwn";
    }

    /** An Externalizable object, whose data our grammar check cannot see into. */
    public static final class ExternalStandIn implements java.io.Externalizable {
        public ExternalStandIn() {
        }

        @Override
        public void writeExternal(java.io.ObjectOutput out) throws IOException {
            out.writeInt(42);
        }

        @Override
        public void readExternal(java.io.ObjectInput in) throws IOException {
            in.readInt();
        }
    }

    // ---- Headers and streams -----------------------------------------------------------------------------------

    private static void structure(List<Hostile> cases) {
        cases.add(new Hostile("wrong magic", () -> "NOT-A-MODEL!!\n\0\0\0\1".getBytes(StandardCharsets.US_ASCII),
                "is not an Auscult model file"));
        cases.add(new Hostile("an empty file", () -> new byte[0], "is not an Auscult model file"));
        cases.add(new Hostile("a newer format version", () -> version(2), "written by a newer Auscult"));
        cases.add(new Hostile("format version 0", () -> version(0), "unknown model format 0"));
        cases.add(new Hostile("a negative format version", () -> version(-7), "unknown model format -7"));
        cases.add(new Hostile("a truncated header", () -> Arrays.copyOf(file(serialise(honest)), 20),
                "is truncated"));
        cases.add(new Hostile("a truncated payload", () -> {
            byte[] whole = file(serialise(honest));
            return Arrays.copyOf(whole, whole.length - 100);
        }, "is truncated"));
        cases.add(new Hostile("a corrupted payload", () -> {
            byte[] whole = file(serialise(honest));
            whole[whole.length - 50] ^= 0x21;
            return whole;
        }, "checksum does not match"));
        cases.add(new Hostile("bytes after the payload", () -> {
            byte[] whole = file(serialise(honest));
            return Arrays.copyOf(whole, whole.length + 3);
        }, "bytes follow the end"));
        cases.add(new Hostile("a negative payload length", () -> {
            byte[] bytes = file(serialise(honest));
            ByteBuffer.wrap(bytes).putLong(ModelFile.MAGIC.length() + 1 + 4, -5);
            return bytes;
        }, "impossible payload length"));
        cases.add(new Hostile("a payload that is not gzip", () -> ModelFile.encode(
                "plain text, with a correct checksum".getBytes(StandardCharsets.US_ASCII)), "is damaged"));
        cases.add(new Hostile("gzip of something other than a Java stream", () -> file(
                "<xml>not serialised</xml>".getBytes(StandardCharsets.US_ASCII)), "is damaged"));
        cases.add(new Hostile("a Java stream of another protocol version", () -> {
            byte[] raw = serialise(honest);
            raw[3] = 4;
            return file(raw);
        }, "is damaged"));
        cases.add(new Hostile("a Java stream cut inside the model", () -> {
            byte[] raw = serialise(honest);
            return file(Arrays.copyOf(raw, raw.length / 2));
        }, "is damaged"));
        cases.add(new Hostile("a back-reference to an object that does not exist", () -> {
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(raw);
            out.writeShort(ObjectStreamConstants.STREAM_MAGIC);
            out.writeShort(ObjectStreamConstants.STREAM_VERSION);
            out.writeByte(ObjectStreamConstants.TC_REFERENCE);
            out.writeInt(ObjectStreamConstants.baseWireHandle + 1000);
            return file(raw.toByteArray());
        }, "does not exist"));
        cases.add(new Hostile("a stream reset between two objects", () -> {
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(raw)) {
                out.writeObject(new ArrayList<>(List.of("a")));
                out.reset();
                out.writeObject("b");
            }
            return file(raw.toByteArray());
        }, "is damaged"));
        cases.add(new Hostile("two objects where one model belongs", () -> {
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(raw)) {
                out.writeObject(honest);
                out.writeObject(new ArrayList<>());
            }
            return file(raw.toByteArray());
        }, "data follows the model"));
        cases.add(new Hostile("back-references: 6 million references to one string", () -> {
            String[] refs = new String[6_000_000];
            Arrays.fill(refs, "same");
            return file(rename(serialise(refs), "[Ljava.lang.String;",
                    "[Lweka.core.Attribute;"));
        }, "objects"));
        cases.add(new Hostile("billion laughs: lists of ten shared lists, nine deep", () -> {
            List<Object> level = new ArrayList<>();
            for (int i = 0; i < 9; i++) {
                level = new ArrayList<>(Collections.nCopies(10, level));
            }
            return file(serialise(hiding(level)));
        }, "rebuilding it would visit"));
        cases.add(new Hostile("lists nested 600 deep", () -> {
            List<Object> deep = new ArrayList<>();
            for (int i = 0; i < 600; i++) {
                deep = new ArrayList<>(List.of(deep));
            }
            List<Object> nested = deep;
            return file(onBigStack(() -> serialise(nested)));
        }, "object graph deeper than 500"));
        cases.add(new Hostile("allowed objects that are no model", () -> file(serialise(
                new HashMap<>(Map.of("a", new ArrayList<>(List.of(1, 2)))))), "does not hold a model"));
    }

    private static byte[] version(int version) throws IOException {
        byte[] bytes = file(serialise(honest));
        ByteBuffer.wrap(bytes).putInt(ModelFile.MAGIC.length() + 1, version);
        return bytes;
    }

    // ---- Crafting ------------------------------------------------------------------------------------------------

    /** The honest model with {@code hidden} as the value of a feature-configuration entry. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static TrainedModel hiding(Object hidden) {
        Map configuration = new LinkedHashMap<>(honest.featureConfiguration());
        configuration.put("hidden", hidden);
        return new TrainedModel(honest.classifier(), honest.classNames(), honest.featureNames(), configuration,
                honest.dataFingerprint(), null, honest.versions(), honest.spec(), honest.profile());
    }

    private static TrainedModel withClassifier(Classifier classifier) {
        return new TrainedModel(classifier, honest.classNames(), honest.featureNames(),
                honest.featureConfiguration(), honest.dataFingerprint(), null, honest.versions(), honest.spec(),
                honest.profile());
    }

    static byte[] serialise(Object object) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(raw)) {
            out.writeObject(object);
        }
        return raw.toByteArray();
    }

    /** A model file around a raw (uncompressed) serialisation stream, with a correct header and checksum. */
    static byte[] file(byte[] raw) throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (OutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(raw);
        }
        return ModelFile.encode(compressed.toByteArray());
    }

    private static byte[] encode(byte[] compressed) throws IOException {
        return ModelFile.encode(compressed);
    }

    private static byte[] gunzipped(byte[] compressed) throws IOException {
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(compressed))) {
            return in.readAllBytes();
        }
    }

    /** Writes {@link Tripwire} where the stream names its harmless twin. */
    private static byte[] tripwire(byte[] raw) {
        return rename(raw, Tripwir2.class.getName(), "org.auscult.learn.Tripwire");
    }

    /** Renames a class in a raw stream: its name is a modified-UTF-8 string with a two-byte length. */
    static byte[] rename(byte[] raw, String from, String to) {
        return replace(raw, utf(from), utf(to));
    }

    private static byte[] utf(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        byte[] withLength = new byte[bytes.length + 2];
        ByteBuffer.wrap(withLength).putShort((short) bytes.length).put(bytes);
        return withLength;
    }

    /** Every occurrence of {@code from} in {@code raw} replaced by {@code to}; there must be one at least. */
    private static byte[] replace(byte[] raw, byte[] from, byte[] to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length);
        int found = 0;
        for (int i = 0; i < raw.length; ) {
            if (i + from.length <= raw.length && Arrays.equals(raw, i, i + from.length, from, 0, from.length)) {
                out.writeBytes(to);
                i += from.length;
                found++;
            } else {
                out.write(raw[i++]);
            }
        }
        if (found == 0) {
            throw new IllegalStateException("nothing to replace");
        }
        return out.toByteArray();
    }

    private interface IoSupplier<T> {
        T get() throws IOException;
    }

    /** Serialising deep graphs needs a deeper stack than a test thread has. */
    private static <T> T onBigStack(IoSupplier<T> work) throws Exception {
        Object[] result = new Object[1];
        Exception[] failure = new Exception[1];
        Thread thread = new Thread(null, () -> {
            try {
                result[0] = work.get();
            } catch (IOException e) {
                failure[0] = e;
            }
        }, "deep", 256L * 1024 * 1024);
        thread.start();
        thread.join();
        if (failure[0] != null) {
            throw failure[0];
        }
        @SuppressWarnings("unchecked")
        T value = (T) result[0];
        return value;
    }
}
