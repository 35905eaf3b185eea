package org.auscult.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.auscult.analysis.LoadedModel;
import org.auscult.analysis.RecordingAnalyzer;
import org.auscult.audio.AudioClip;
import org.auscult.audio.RecordingDecoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sample recording replayed as if live, ten times faster than real time: the file written is the recording, the
 * level comes block by block, and the verdict rolls in over the last seconds from the fifth second on.
 */
class LiveSessionTest {

    @TempDir
    Path folder;

    private static final Path SAMPLE = Path.of("sample-recordings", "circor", "69120_TV.wav");

    private static final class Recorder implements LiveSession.Listener {
        final List<LiveSession.Level> levels = new CopyOnWriteArrayList<>();
        final List<LiveSession.Judgement> judgements = new CopyOnWriteArrayList<>();
        final CountDownLatch ended = new CountDownLatch(1);
        volatile String problem;

        @Override
        public void level(LiveSession.Level level) {
            levels.add(level);
        }

        @Override
        public void judged(LiveSession.Judgement judgement) {
            judgements.add(judgement);
        }

        @Override
        public void ended(String problem) {
            this.problem = problem;
            ended.countDown();
        }
    }

    @Test
    void aReplayedRecordingIsWrittenWholeAndJudgedAsItGrows() throws Exception {
        AudioClip clip = new RecordingDecoder().decode(SAMPLE).clip();
        Path target = folder.resolve("live.wav");
        Recorder recorder = new Recorder();
        LiveSession session = LiveSession.start(new ReplaySource(clip, "replay", 10), target,
                RecordingAnalyzer.judging(LoadedModel.load(null), null, true), recorder);
        assertTrue(recorder.ended.await(60, TimeUnit.SECONDS), "the replay ends by itself");
        assertEquals("", recorder.problem);

        float[] written = new RecordingDecoder().decode(target).clip().samples();
        assertArrayEquals(clip.samples(), written, "16-bit samples come back exactly");
        assertEquals(clip.length(), session.capturedSamples());
        LiveSession.Level last = recorder.levels.get(recorder.levels.size() - 1);
        assertEquals(clip.durationSeconds(), last.seconds(), 1e-9);
        assertEquals(0, last.dropped());

        assertTrue(recorder.judgements.size() >= 3, "judged " + recorder.judgements.size() + " times");
        LiveSession.Judgement first = recorder.judgements.get(0);
        assertTrue(first.toSeconds() >= LiveSession.FIRST_JUDGED_SECONDS, "first at " + first.toSeconds());
        for (LiveSession.Judgement judgement : recorder.judgements) {
            assertNotNull(judgement.verdict());
            assertTrue(judgement.toSeconds() - judgement.fromSeconds() <= LiveSession.JUDGED_SECONDS + 1e-9);
            assertTrue(judgement.heartRateBpm() > 40 && judgement.heartRateBpm() < 160, "" + judgement);
        }
    }

    @Test
    void stoppingMidwayLeavesAValidFileOfWhatWasRecorded() throws Exception {
        AudioClip clip = new RecordingDecoder().decode(SAMPLE).clip();
        Path target = folder.resolve("stopped.wav");
        Recorder recorder = new Recorder();
        LiveSession session = LiveSession.start(new ReplaySource(clip, "replay", 4), target,
                RecordingAnalyzer.judging(null, null, true), recorder);
        Thread.sleep(700);
        session.close();
        assertTrue(recorder.ended.await(10, TimeUnit.SECONDS));
        float[] written = new RecordingDecoder().decode(target).clip().samples();
        assertTrue(written.length > 0 && written.length < clip.length(), written.length + " samples");
        assertArrayEquals(java.util.Arrays.copyOf(clip.samples(), written.length), written);
    }

    @Test
    void guidanceSaysWhatToDo() {
        assertEquals("", LiveSession.guidance(false, false, 0.6));
        assertTrue(LiveSession.guidance(true, false, 0.6).startsWith("Clipping"));
        assertTrue(LiveSession.guidance(false, true, 0.6).startsWith("Too quiet"));
        assertTrue(LiveSession.guidance(false, false, 0.1).startsWith("No clear heart sounds"));
        assertTrue(LiveSession.guidance(false, false, Double.NaN).startsWith("No clear heart sounds"));
    }
}
