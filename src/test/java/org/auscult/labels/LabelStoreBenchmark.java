package org.auscult.labels;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What durability costs and how fast recordings are recognised:
 * {@code mvn -B -o -q test -Pbenchmark -Dtest=LabelStoreBenchmark}. Prints a table; asserts nothing about time.
 */
@Tag("benchmark")
class LabelStoreBenchmark {

    private static final int EDITS = 500;

    @TempDir
    Path folder;

    @Test
    void printTable() throws Exception {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%n%-52s %10s %12s%n", "operation",
                "per second", "median ms"));
        Path recording = LabelStoreTest.recordingFile(folder, "a.wav", 1);
        try (LabelStore store = LabelStore.open(folder.resolve("service.db"))) {
            LabelService service = new LabelService(store, "bench", Clock.systemUTC());
            RecordingRef ref = service.recording(recording);
            long[] add = time(i -> service.addEvent(ref, "S1", i * 0.01, i * 0.01));
            row(table, "add event (LabelService, WAL, synchronous=FULL)", add);
            long[] label = time(i -> service.setClass(ref, Opinion.FIRST, i % 2 == 0 ? "normal" : "murmur"));
            row(table, "set class (LabelService)", label);
            long[] undo = time(i -> service.undo());
            row(table, "undo", undo);
            long[] read = time(i -> store.events(ref.id()));
            row(table, "read the events of a recording (" + store.events(ref.id()).size() + " events)", read);
        }
        for (String synchronous : List.of("FULL", "NORMAL", "OFF")) {
            row(table, "raw insert, WAL, synchronous=" + synchronous, rawInserts(synchronous));
        }
        Path pascal = Path.of(System.getProperty("auscult.shared", "../shared"), "data", "pascal2011");
        if (Files.isDirectory(pascal)) {
            List<Path> wavs;
            try (Stream<Path> walk = Files.walk(pascal)) {
                wavs = walk.filter(p -> p.toString().endsWith(".wav")).sorted().toList();
            }
            long bytes = 0;
            for (Path wav : wavs) {
                bytes += Files.size(wav);
            }
            try (LabelStore store = LabelStore.open(folder.resolve("pascal.db"))) {
                for (String pass : List.of("first sight (hash, insert)", "known (hash, found by path)")) {
                    long start = System.nanoTime();
                    for (Path wav : wavs) {
                        store.recordingFor(wav);
                    }
                    double seconds = (System.nanoTime() - start) / 1e9;
                    table.append(String.format(Locale.ROOT, "%-52s %10.0f %12.3f   (%d files, %.1f MB/s)%n",
                            "recordingFor, PASCAL 2011, " + pass, wavs.size() / seconds, seconds * 1e3 / wavs.size(),
                            wavs.size(), bytes / 1e6 / seconds));
                }
            }
        } else {
            table.append("(PASCAL 2011 not found under ").append(pascal).append(": recognition not measured)\n");
        }
        System.out.println(table);
    }

    @FunctionalInterface
    private interface Step {
        Object run(int i) throws Exception;
    }

    private static long[] time(Step step) throws Exception {
        long[] nanos = new long[EDITS];
        for (int i = 0; i < EDITS; i++) {
            long start = System.nanoTime();
            step.run(i);
            nanos[i] = System.nanoTime() - start;
        }
        return nanos;
    }

    private long[] rawInserts(String synchronous) throws Exception {
        Path db = folder.resolve("raw-" + synchronous + ".db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode = WAL");
            s.execute("PRAGMA synchronous = " + synchronous);
            s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v REAL)");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO t (v) VALUES (?)")) {
                return time(i -> {
                    s.execute("BEGIN IMMEDIATE");
                    insert.setDouble(1, i);
                    insert.executeUpdate();
                    s.execute("COMMIT");
                    return null;
                });
            }
        }
    }

    private static void row(StringBuilder table, String name, long[] nanos) {
        long total = Arrays.stream(nanos).sum();
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        table.append(String.format(Locale.ROOT, "%-52s %10.0f %12.3f%n", name, nanos.length / (total / 1e9),
                sorted[sorted.length / 2] / 1e6));
    }
}
