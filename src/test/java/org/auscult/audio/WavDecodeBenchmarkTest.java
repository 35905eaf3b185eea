package org.auscult.audio;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Runs {@link WavDecodeBenchmark} on demand ({@code -Pbenchmark}); it prints numbers and asserts nothing. */
@Tag("benchmark")
class WavDecodeBenchmarkTest {

    @Test
    void decodeEveryPascalRecording() throws Exception {
        WavDecodeBenchmark.run(SharedData.require("data/pascal2011"));
    }
}
