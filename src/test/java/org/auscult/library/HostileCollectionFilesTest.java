package org.auscult.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Collection files that are not what they claim: refused with file and line; nested recordings are not lost. */
class HostileCollectionFilesTest {

    @TempDir
    Path root;

    private final CollectionImporter importer = new CollectionImporter();

    @Test
    void aLabelFileThatIsNotUtf8NamesTheLine() {
        Fixtures.wavs(root, "a.wav", "b.wav", "c.wav");
        Path csv = Fixtures.write(root.resolve("labels.csv"),
                "path,label\na.wav,normal\nb.wav,murmur\nc.wav,n\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        CollectionFormatException refused = assertThrows(CollectionFormatException.class,
                () -> CsvTable.withHeader(csv));
        assertEquals(4, refused.line(), refused.getMessage());
        assertTrue(refused.getMessage().contains("labels.csv line 4: not UTF-8"), refused.getMessage());
        CollectionFormatException imported = assertThrows(CollectionFormatException.class,
                () -> importer.importCollection(csv, ImportOptions.defaults().withLayout(Layout.GENERIC_CSV)));
        assertEquals(4, imported.line(), imported.getMessage());
    }

    @Test
    void aLineWithoutEndIsRefusedBeforeItFillsMemory() throws IOException {
        Path csv = root.resolve("labels.csv");
        try (OutputStream out = Files.newOutputStream(csv)) {
            out.write("path,label\na.wav,".getBytes(StandardCharsets.UTF_8));
            byte[] block = new byte[1 << 20];
            Arrays.fill(block, (byte) 'x');
            for (int i = 0; i < 8; i++) {
                out.write(block);
            }
        }
        CollectionFormatException refused = assertThrows(CollectionFormatException.class,
                () -> CsvTable.withHeader(csv));
        assertEquals(2, refused.line());
        assertTrue(refused.getMessage().contains("longer than"), refused.getMessage());
    }

    @Test
    void recordingsInFoldersBelowTheClassFolderBelongToTheClass() throws IOException {
        Fixtures.wavs(root, "murmur/p1/apex.wav", "murmur/p1/base.wav", "murmur/p2.wav",
                "normal/ward 3/day 2/p4.wav", "normal/.trash/p9.wav", "normal/p5.wav");
        RecordingCollection collection = importer.importCollection(root, ImportOptions.defaults());
        assertEquals(Layout.FOLDER_PER_CLASS, collection.layout());
        assertEquals(Map.of("murmur", 3, "normal", 2), collection.classCounts(), collection.summary());
        Recording nested = Fixtures.byId(collection, "normal/ward 3/day 2/p4");
        assertEquals(Optional.of("normal"), nested.label());
        assertEquals(List.of("murmur/p1/apex", "murmur/p1/base", "murmur/p2", "normal/p5",
                "normal/ward 3/day 2/p4"), collection.recordings().stream().map(Recording::id).toList());
    }
}
