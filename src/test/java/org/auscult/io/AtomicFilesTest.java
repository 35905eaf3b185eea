package org.auscult.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path folder;

    private static AtomicFiles.Content text(String value) {
        return out -> out.write(value.getBytes(StandardCharsets.UTF_8));
    }

    private long filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }

    @Test
    void writesNewFilesAndReplacesOnlyOnRequest() throws IOException {
        Path target = folder.resolve("a.txt");
        AtomicFiles.write(target, false, text("first"));
        assertEquals("first", Files.readString(target));

        FileAlreadyExistsException refused = assertThrows(FileAlreadyExistsException.class,
                () -> AtomicFiles.write(target, false, text("second")));
        assertTrue(refused.getMessage().contains("a.txt"), refused.getMessage());
        assertEquals("first", Files.readString(target));

        AtomicFiles.write(target, true, text("third"));
        assertEquals("third", Files.readString(target));
        assertEquals(1, filesIn(folder), "no temporary file is left behind");
    }

    @Test
    void aFailureWhileWritingLeavesTheOldFileAndNoDebris() throws IOException {
        Path target = folder.resolve("model.bin");
        Files.writeString(target, "the user's model");
        assertThrows(IOException.class, () -> AtomicFiles.write(target, true, out -> {
            out.write(new byte[10_000]);
            throw new IOException("disk full");
        }));
        assertEquals("the user's model", Files.readString(target));
        assertEquals(1, filesIn(folder));
    }

    @Test
    void theFinishedFileHasTheUsersUsualPermissionsNotPrivateTemporaryOnes() throws IOException {
        Path target = folder.resolve("table.csv");
        Path ordinary = Files.createFile(folder.resolve("ordinary.txt"));
        AtomicFiles.write(target, false, text("x"));
        if (Files.getFileStore(target).supportsFileAttributeView("posix")) {
            assertEquals(Files.getPosixFilePermissions(ordinary), Files.getPosixFilePermissions(target));
        }
    }

    @Test
    void aMissingFolderIsAnErrorNotCreatedSilently() {
        Path target = folder.resolve("missing/a.txt");
        NoSuchFileException error = assertThrows(NoSuchFileException.class,
                () -> AtomicFiles.write(target, false, text("x")));
        assertTrue(error.getMessage().contains("does not exist"), error.getMessage());
        assertTrue(Files.notExists(folder.resolve("missing")));
    }

    /** A folder that exists but takes no new file, even for root (which permissions would not stop). */
    private static Path unwritableFolder() {
        Path proc = Path.of("/proc");
        assumeTrue(Files.isDirectory(proc.resolve("self")), "needs Linux's /proc");
        return proc;
    }

    @Test
    void aFailedWriteNamesTheTargetNotItsTemporary() {
        Path target = unwritableFolder().resolve("table.csv");
        java.nio.file.FileSystemException failed = assertThrows(java.nio.file.FileSystemException.class,
                () -> AtomicFiles.write(target, true, text("x")));
        assertEquals(target.toString(), failed.getFile());
        assertFalse(failed.getMessage().contains(".partial"), failed.getMessage());

        java.nio.file.FileSystemException failedGroup = assertThrows(java.nio.file.FileSystemException.class,
                () -> AtomicFiles.writeAll(java.util.List.of(new AtomicFiles.Target(target, text("x"))), true));
        assertEquals(target.toString(), failedGroup.getFile());

        java.nio.file.FileSystemException checked = assertThrows(java.nio.file.FileSystemException.class,
                () -> AtomicFiles.checkWritable(target));
        assertEquals(target.toString(), checked.getFile());
    }

    @Test
    void aFailedWriteNamesTheTargetAndLeavesNothing() throws IOException {
        Path target = folder.resolve("big.csv");
        java.nio.file.FileSystemException failure = assertThrows(java.nio.file.FileSystemException.class,
                () -> AtomicFiles.write(target, false, out -> {
                    out.write(1);
                    throw new IOException("File too large");
                }));
        assertEquals(target.toAbsolutePath().toString(), failure.getFile());
        assertEquals("File too large", failure.getReason());
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(0, files.count(), "no target and no temporary");
        }
    }
}
