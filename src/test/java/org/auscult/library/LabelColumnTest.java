package org.auscult.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LabelColumnTest {

    private static Recording recording(String id, String label, Map<String, String> metadata) {
        return new Recording(Path.of(id + ".wav"), id, label.isEmpty() ? Optional.empty() : Optional.of(label),
                "Present", "p" + id, "circor", metadata);
    }

    @Test
    void labelledRecordingsTakeTheColumnsValueAndTheRestAreLeftOut() {
        RecordingCollection collection = new RecordingCollection(Path.of("c"), Layout.CIRCOR_2022, List.of(
                recording("1_AV", "murmur", Map.of("Systolic murmur timing", "Holosystolic")),
                recording("1_MV", "", Map.of("Systolic murmur timing", "Holosystolic")),
                recording("2_AV", "normal", Map.of("Systolic murmur timing", "nan")),
                recording("3_AV", "murmur", Map.of("Systolic murmur timing", " Early-systolic ")),
                recording("4_AV", "murmur", Map.of())), List.of());
        RecordingCollection timing = LabelColumn.relabelled(collection, "Systolic murmur timing");
        assertEquals(List.of(Optional.of("Holosystolic"), Optional.empty(), Optional.empty(),
                Optional.of("Early-systolic"), Optional.empty()),
                timing.recordings().stream().map(Recording::label).toList());
        assertEquals(collection.recordings().get(0).patient(), timing.recordings().get(0).patient());

        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> LabelColumn.relabelled(collection, "Systolic murmur tempo"));
        assertTrue(unknown.getMessage().contains("'Systolic murmur tempo'"), unknown.getMessage());
    }
}
