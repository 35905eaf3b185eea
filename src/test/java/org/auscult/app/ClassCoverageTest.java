package org.auscult.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClassCoverageTest {

    private static final List<String> PASCAL = List.of("artifact", "extrahls", "extrastole", "murmur", "normal");

    @Test
    void theBundledSamplesSayWhichClassesHaveNoRedistributableRecording() {
        assertEquals("These samples hold murmur and normal recordings only; no redistributable recording exists for "
                + "artifact, extra heart sound or extrasystole.",
                ClassCoverage.note(PASCAL, Set.of("murmur", "normal"), true));
    }

    @Test
    void anotherCollectionSaysWhatTheModelAlsoKnows() {
        assertEquals("This collection holds normal recordings only; the model also knows artifact, extra heart "
                + "sound, extrasystole and murmur.", ClassCoverage.note(PASCAL, Set.of("normal"), false));
        assertEquals("This collection holds none of the model's classes; the model also knows artifact, extra "
                + "heart sound, extrasystole, murmur and normal.", ClassCoverage.note(PASCAL, Set.of("s3"), false));
    }

    @Test
    void nothingToSayWhenEveryClassIsPresentOrNothingIsLabelled() {
        assertEquals("", ClassCoverage.note(List.of("murmur", "normal"), Set.of("murmur", "normal", "extra"), true));
        assertEquals("", ClassCoverage.note(PASCAL, Set.of(), true));
    }
}
