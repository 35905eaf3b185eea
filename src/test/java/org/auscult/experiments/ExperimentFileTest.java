package org.auscult.experiments;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An experiment file that is not what it claims is refused with its name and line, in bounded memory. */
class ExperimentFileTest {

    @TempDir
    Path folder;

    @Test
    void anExperimentFileThatIsNotUtf8NamesTheLine() throws IOException {
        Path file = Files.write(folder.resolve("run.properties"),
                "id=run\ncreated=2026-03-01T10:00:00Z\ncollection=caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        IOException refused = assertThrows(IOException.class, () -> ExperimentStore.load(file));
        assertTrue(refused.getMessage().contains("run.properties line 3: not UTF-8"), refused.getMessage());
    }

    @Test
    void aLineWithoutEndIsRefused() throws IOException {
        Path file = folder.resolve("huge.properties");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("id=run\ncollection=".getBytes(StandardCharsets.UTF_8));
            byte[] block = new byte[1 << 20];
            Arrays.fill(block, (byte) 'x');
            for (int i = 0; i < 8; i++) {
                out.write(block);
            }
        }
        IOException refused = assertThrows(IOException.class, () -> ExperimentStore.load(file));
        assertTrue(refused.getMessage().contains("huge.properties line 2: line longer than"), refused.getMessage());
    }
}
