package org.auscult.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One entry that cannot be read is named and the rest of the folder is still found. */
class AudioFolderScanTest {

    static final Path WAV = Path.of("sample-recordings/circor/36327_MV.wav");

    @TempDir
    Path folder;

    private static String problemOf(AudioFolderScan scan, Path file) {
        return scan.problems().stream().filter(problem -> problem.file().equals(file)).map(ImportProblem::reason)
                .findFirst().orElseThrow(() -> new AssertionError(file + " not reported: " + scan.problems()));
    }

    @Test
    void linksThatLeadNowhereAreNamedAndLinksToRecordingsCount() throws IOException {
        Path recording = Files.copy(WAV, folder.resolve("a.wav"));
        Path linked = Files.createSymbolicLink(folder.resolve("b.wav"), recording);
        Path dangling = Files.createSymbolicLink(folder.resolve("dangling.wav"), folder.resolve("gone.wav"));
        Path loop = Files.createSymbolicLink(folder.resolve("loop.wav"), folder.resolve("loop.wav"));
        AudioFolderScan scan = AudioFolderScan.of(folder, true);
        assertEquals(List.of(recording, linked), scan.audioFiles());
        assertTrue(problemOf(scan, dangling).contains("a link to nothing"), scan.problems().toString());
        assertTrue(problemOf(scan, dangling).contains("gone.wav"), scan.problems().toString());
        assertEquals("a loop of links: it leads back to itself", problemOf(scan, loop));
        assertEquals(2, scan.problems().size(), scan.problems().toString());
    }

    /**
     * A folder whose path is longer than the system allows cannot be read even by root, for whom permissions are no
     * obstacle: it stands for every folder the walk cannot enter.
     */
    @Test
    void aFolderThatCannotBeEnteredIsNamedAndTheRestIsRead() throws IOException {
        Path recording = Files.copy(WAV, folder.resolve("a.wav"));
        String name = "d".repeat(200);
        Path deep = folder.resolve("deep");
        Path chain = deep;
        for (int i = 0; i < 15; i++) {
            chain = chain.resolve(name);
        }
        Files.createDirectories(chain);
        Path more = folder.resolve("more");
        Path moreChain = more;
        for (int i = 0; i < 8; i++) {
            moreChain = moreChain.resolve(name);
        }
        Files.createDirectories(moreChain);
        Path moved = chain.resolve("more");
        Files.move(more, moved); // now longer than any path the system opens (4,096 bytes on Linux)
        try {
            AudioFolderScan scan = AudioFolderScan.of(folder, true);
            assertEquals(List.of(recording), scan.audioFiles());
            assertEquals(1, scan.problems().size(), scan.problems().toString());
            assertTrue(scan.problems().get(0).reason().startsWith("cannot read folder: "), scan.problems().toString());
            assertTrue(scan.problems().get(0).file().startsWith(moved), scan.problems().toString());
        } finally {
            Files.move(moved, more); // for the temporary folder to be removed
        }
    }

    @Test
    void aRefusedFolderIsSaidToBeRefused() {
        assertEquals("permission denied", AudioFolderScan.why(new java.nio.file.AccessDeniedException("/x")));
        assertEquals("Too many levels of symbolic links", AudioFolderScan.why(
                new java.nio.file.FileSystemException("/x", null, "Too many levels of symbolic links")));
    }
}
