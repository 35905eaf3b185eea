package org.auscult.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.auscult.learn.Cancellation;
import org.auscult.library.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A collection scan with the bundled model: a verdict, the signal quality and, for a murmur, its description for every
 * readable recording.
 */
class CollectionScanTest {

    @TempDir
    Path folder;

    private static Recording recording(Path file) {
        String id = file.getFileName().toString().replace(".wav", "");
        return new Recording(file, id, Optional.empty(), "", id.split("_")[0], "", java.util.Map.of());
    }

    @Test
    void everyReadableRecordingGetsAVerdictAndItsSignalQualityTheDamagedOneItsProblem() throws Exception {
        Path damaged = Files.write(folder.resolve("9_MV.wav"), new byte[] {'R', 'I', 'F', 'F', 1, 2});
        List<Recording> recordings = List.of(recording(Path.of("sample-recordings", "circor", "36327_MV.wav")),
                recording(Path.of("sample-recordings", "circor", "85198_PV.wav")), recording(damaged));
        LoadedModel bundled = new LoadedModel(DefaultModel.load(), "bundled");
        CollectionScan.Result result = CollectionScan.run(recordings, bundled, "samples", 2, (f, m) -> { },
                new Cancellation());
        for (CollectionScan.Item item : result.items().subList(0, 2)) {
            assertTrue(item.verdict().judged(), item.recording().id());
            assertTrue(item.signalQuality() >= 0 && item.signalQuality() <= 1, "" + item.signalQuality());
            assertTrue(item.verdict().followUp().matches("yes|no"), item.verdict().followUp());
            assertEquals(item.verdict().predictedClass().equals("murmur"), !item.murmur().isEmpty(),
                    "a murmur verdict, and only one, gets its murmur described: " + item.murmur());
        }
        assertEquals("murmur", result.items().get(1).verdict().predictedClass(), "85198_PV, a loud murmur");
        CollectionScan.Item broken = result.items().get(2);
        assertEquals(null, broken.verdict());
        assertTrue(Double.isNaN(broken.signalQuality()));
        assertTrue(!broken.problem().isEmpty());
    }
}
