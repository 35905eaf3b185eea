package org.auscult.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputTargetsTest {

    @TempDir
    Path folder;

    private static AtomicFiles.Content text(String value) {
        return out -> out.write(value.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void everyUnwritableTargetIsNamedAtOnce() throws IOException {
        Path existing = Files.writeString(folder.resolve("table.csv"), "old");
        Path noFolder = folder.resolve("missing/report.json");
        Path aFolder = Files.createDirectories(folder.resolve("out"));
        OutputTargets.RefusedException refused = assertThrows(OutputTargets.RefusedException.class,
                () -> OutputTargets.check(false, existing, null, noFolder, aFolder, folder.resolve("new.csv")));
        assertEquals(3, refused.problems().size(), refused.getMessage());
        assertTrue(refused.getMessage().contains("table.csv already exists; use --force"), refused.getMessage());
        assertTrue(refused.getMessage().contains("does not exist"), refused.getMessage());
        assertTrue(refused.getMessage().contains("is a folder"), refused.getMessage());

        OutputTargets.check(true, existing, folder.resolve("new.csv"));
        assertThrows(OutputTargets.RefusedException.class,
                () -> OutputTargets.check(true, existing, folder.resolve("./table.csv")), "named twice");
    }

    @Test
    void aTableAndItsSidecarAreWrittenBothOrNeither() throws IOException {
        Path table = folder.resolve("x.csv");
        Path sidecar = Files.writeString(folder.resolve("x.csv.properties"), "another run");
        assertThrows(FileAlreadyExistsException.class, () -> AtomicFiles.writeAll(List.of(
                new AtomicFiles.Target(table, text("new table")), new AtomicFiles.Target(sidecar, text("new"))),
                false));
        assertFalse(Files.exists(table));
        assertEquals("another run", Files.readString(sidecar));

        AtomicFiles.writeAll(List.of(new AtomicFiles.Target(table, text("new table")),
                new AtomicFiles.Target(sidecar, text("new"))), true);
        assertEquals("new table", Files.readString(table));
        assertEquals("new", Files.readString(sidecar));

        assertThrows(IOException.class, () -> AtomicFiles.writeAll(List.of(
                new AtomicFiles.Target(table, text("third table")),
                new AtomicFiles.Target(sidecar, out -> {
                    throw new IOException("disk full");
                })), true));
        assertEquals("new table", Files.readString(table), "a failed sidecar leaves the old pair");
        assertEquals("new", Files.readString(sidecar));
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(2, files.count(), "no temporary or backup file is left behind");
        }
    }

    @Test
    void aFolderThatTakesNoNewFileIsFoundBeforeTheWork() {
        Path proc = Path.of("/proc");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(proc.resolve("self")), "needs Linux's /proc");
        OutputTargets.RefusedException refused = assertThrows(OutputTargets.RefusedException.class,
                () -> OutputTargets.check(true, proc.resolve("x.csv")));
        assertTrue(refused.getMessage().startsWith("/proc/x.csv: cannot be written here"), refused.getMessage());
        assertFalse(refused.getMessage().contains(".partial"), refused.getMessage());
    }

    @Test
    void anInputIsNeverAnOutputEvenWithForce() throws IOException {
        Path recordings = Files.createDirectories(folder.resolve("recordings"));
        Path wav = Files.writeString(recordings.resolve("a.wav"), "RIFF");
        Path notes = Files.writeString(recordings.resolve("notes.csv"), "old");
        OutputTargets.Inputs inputs = new OutputTargets.Inputs(java.util.Arrays.asList(recordings, null),
                file -> file.getFileName().toString().endsWith(".wav"));
        OutputTargets.RefusedException refused = assertThrows(OutputTargets.RefusedException.class,
                () -> OutputTargets.check(true, inputs, wav, recordings.resolve("../recordings")));
        assertEquals(2, refused.problems().size(), refused.getMessage());
        assertTrue(refused.problems().get(0).contains("is read from the input folder"), refused.getMessage());
        assertTrue(refused.problems().get(1).contains("is one of the inputs"), refused.getMessage());

        OutputTargets.check(true, inputs, notes, recordings.resolve("new.wav"));
        OutputTargets.check(true, new OutputTargets.Inputs(List.of(wav), file -> false), folder.resolve("a.wav"));
    }
}
