package org.auscult.labels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Killing a writer at any moment loses at most the edit in flight, and several writers at once never corrupt the
 * database. The writers are real child JVMs ({@link LabelWriterProcess}) killed with {@code destroyForcibly}
 * (SIGKILL: no shutdown hooks, no chance to flush).
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class LabelStoreDurabilityTest {

    @TempDir
    Path folder;

    /** Starts a writer whose stdout goes to {@code out}: lines written before a kill are still in the file. */
    private static Process startWriter(Path db, Path recording, long edits, String labeller, Path out)
            throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                LabelWriterProcess.class.getName(), db.toString(), recording.toString(), Long.toString(edits),
                labeller);
        builder.redirectOutput(out.toFile());
        builder.redirectError(out.resolveSibling(out.getFileName() + ".log").toFile());
        return builder.start();
    }

    /** The acknowledged ids: every complete line but "ready" (a line cut by the kill has no newline yet). */
    private static List<Long> acknowledgedIds(Path out) throws IOException {
        String text = Files.readString(out, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        List<Long> ids = new ArrayList<>();
        if (end < 0) {
            return ids;
        }
        for (String line : text.substring(0, end).split("\n")) {
            if (!line.equals("ready")) {
                ids.add(Long.parseLong(line.trim()));
            }
        }
        return ids;
    }

    /** Waits until the writer has acknowledged {@code count} edits. */
    private static void awaitAcknowledged(Path out, int count, Process writer) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (acknowledgedIds(out).size() < count) {
            if (!writer.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("the writer stopped or stalled before " + count + " edits; see " + out
                        + ".log");
            }
            Thread.sleep(5);
        }
    }

    @Test
    void killingTheWriterMidStreamLosesNoAcknowledgedEdit() throws Exception {
        Path db = folder.resolve("labels.db");
        Path recording = LabelStoreTest.recordingFile(folder, "a.wav", 1);
        Set<Long> acknowledged = new HashSet<>();
        int[] stopAfter = {150, 37, 260};
        for (int round = 0; round < stopAfter.length; round++) {
            Path out = folder.resolve("writer" + round + ".out");
            Process writer = startWriter(db, recording, -1, "round" + round, out);
            awaitAcknowledged(out, stopAfter[round], writer);
            writer.destroyForcibly();
            assertTrue(writer.waitFor(60, TimeUnit.SECONDS), "the killed writer did not end");
            List<Long> ids = acknowledgedIds(out);
            assertTrue(ids.size() >= stopAfter[round]);
            acknowledged.addAll(ids);
        }
        try (LabelStore store = LabelStore.open(db)) {
            assertEquals("ok", store.integrityCheck());
            RecordingRef ref = store.findRecording(recording).orElseThrow();
            Set<Long> stored = store.events(ref.id()).stream().map(LabelEvent::id).collect(Collectors.toSet());
            Set<Long> missing = new HashSet<>(acknowledged);
            missing.removeAll(stored);
            assertEquals(Set.of(), missing, "acknowledged edits missing after the kills");
            // at most the edit in flight of each killed writer is beyond what it acknowledged
            assertTrue(stored.size() - acknowledged.size() <= stopAfter.length,
                    stored.size() + " stored, " + acknowledged.size() + " acknowledged");
        }
    }

    @Test
    void twoWriterProcessesAtOnceNeverCorruptTheDatabase() throws Exception {
        Path db = folder.resolve("labels.db");
        Path recording = LabelStoreTest.recordingFile(folder, "a.wav", 1);
        LabelStore.open(db).close(); // both children find the schema ready; migrations racing is tested below
        int editsEach = 200;
        Process first = startWriter(db, recording, editsEach, "first", folder.resolve("first.out"));
        Process second = startWriter(db, recording, editsEach, "second", folder.resolve("second.out"));
        List<Long> ids = new ArrayList<>();
        for (Process writer : List.of(first, second)) {
            assertTrue(writer.waitFor(120, TimeUnit.SECONDS), "a writer did not finish");
            assertEquals(0, writer.exitValue(), "a writer failed; see its log in " + folder);
        }
        ids.addAll(acknowledgedIds(folder.resolve("first.out")));
        ids.addAll(acknowledgedIds(folder.resolve("second.out")));
        assertEquals(2 * editsEach, new HashSet<>(ids).size(), "every edit got its own id");
        try (LabelStore store = LabelStore.open(db)) {
            assertEquals("ok", store.integrityCheck());
            RecordingRef ref = store.findRecording(recording).orElseThrow();
            assertEquals(1, store.recordings().size());
            List<LabelEvent> events = store.events(ref.id());
            assertEquals(2 * editsEach, events.size());
            assertEquals(editsEach, events.stream().filter(e -> e.labeller().equals("first")).count());
        }
    }

    @Test
    void twoConnectionsCreatingAndWritingAtOnceInOneProcess() throws Exception {
        Path db = folder.resolve("fresh.db");
        Path recording = LabelStoreTest.recordingFile(folder, "a.wav", 1);
        int editsEach = 150;
        CountDownLatch start = new CountDownLatch(1);
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (String who : List.of("left", "right")) {
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    // Both open the missing database at the same moment: creation and migration race too.
                    try (LabelStore store = LabelStore.open(db)) {
                        LabelService service = new LabelService(store, who, LabelStoreTest.CLOCK);
                        RecordingRef ref = service.recording(recording);
                        for (int i = 0; i < editsEach; i++) {
                            LabelEvent event = service.addEvent(ref, "S1", i * 0.01, i * 0.01);
                            service.moveEvent(event.id(), i * 0.01 + 0.001);
                            service.setNotes(ref, who.equals("left") ? Opinion.FIRST : Opinion.SECOND, who + i);
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }, who);
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(List.of(), failures);
        try (LabelStore store = LabelStore.open(db)) {
            assertEquals("ok", store.integrityCheck());
            assertEquals(Migrations.LATEST, store.schemaVersion());
            RecordingRef ref = store.findRecording(recording).orElseThrow();
            assertEquals(2 * editsEach, store.events(ref.id()).size());
            assertEquals("left" + (editsEach - 1),
                    store.label(ref.id(), Source.USER, Opinion.FIRST).orElseThrow().notes());
            assertEquals("right" + (editsEach - 1),
                    store.label(ref.id(), Source.USER, Opinion.SECOND).orElseThrow().notes());
        }
    }
}
