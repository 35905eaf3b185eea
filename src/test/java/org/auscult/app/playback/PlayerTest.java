package org.auscult.app.playback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.auscult.app.timeline.TimeViewport;
import org.junit.jupiter.api.Test;

class PlayerTest {

    private static float[] ramp(int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (i % 100) / 100f;
        }
        return x;
    }

    @Test
    void playsExactlyTheSpanAsSixteenBitPcm() throws Exception {
        RecordingOutput output = new RecordingOutput();
        Player player = new Player(output, Runnable::run);
        List<Double> positions = new ArrayList<>();
        double[] stoppedAt = {Double.NaN};
        float[] samples = ramp(8000);
        player.play(samples, 4000, 0.5, 1.25, false, new Player.Listener() {
            @Override
            public void position(double seconds) {
                positions.add(seconds);
            }

            @Override
            public void stopped(double seconds) {
                stoppedAt[0] = seconds;
            }
        });
        short[] frames = output.frames();
        assertEquals(3000, frames.length, "0.75 s at 4 kHz");
        for (int i = 0; i < frames.length; i++) {
            assertEquals(Player.toPcm16(samples[2000 + i]), frames[i]);
        }
        assertEquals(4000, output.openedAt);
        assertTrue(output.closed);
        assertEquals(1.25, stoppedAt[0], 1e-12);
        assertEquals(1.25, positions.get(positions.size() - 1), 1e-12);
        assertFalse(player.isPlaying());
    }

    @Test
    void loopsUntilStopped() throws Exception {
        RecordingOutput output = new RecordingOutput();
        Player player = new Player(output, Runnable::run);
        output.player = player;
        output.stopAfterWrites = 7;
        // 1500 frames per pass = two writes (1024 + 476): seven writes are three passes and a half.
        player.play(ramp(4000), 4000, 0, 0.375, true, new Player.Listener() {
            @Override
            public void position(double seconds) {
            }

            @Override
            public void stopped(double seconds) {
            }
        });
        assertEquals(3 * 1500 + 1024, output.frames().length);
    }

    @Test
    void convertsFullScaleSymmetrically() {
        assertEquals(32767, Player.toPcm16(1f));
        assertEquals(-32767, Player.toPcm16(-1f));
        assertEquals(32767, Player.toPcm16(3f));
        assertEquals(-32768, Player.toPcm16(-3f));
        assertEquals(0, Player.toPcm16(0f));
    }

    @Test
    void noDeviceGivesAMessageNotACrash() {
        AudioOutput none = new RecordingOutput() {
            @Override
            public void open(int sampleRate) throws AudioUnavailableException {
                throw new AudioUnavailableException("No audio output device is available (test)", null);
            }
        };
        TimeViewport viewport = new TimeViewport();
        viewport.reset(2);
        PlaybackViewModel model = new PlaybackViewModel(new Player(none, Runnable::run), viewport, Runnable::run);
        model.setRecording(new float[8000], 4000);
        model.togglePlayPause();
        assertFalse(model.playingProperty().get());
        assertTrue(model.messageProperty().get().startsWith("No audio output device"));
    }

    @Test
    void cursorFollowsPlaybackOfTheSelection() {
        RecordingOutput output = new RecordingOutput();
        TimeViewport viewport = new TimeViewport();
        viewport.reset(2);
        PlaybackViewModel model = new PlaybackViewModel(new Player(output, Runnable::run), viewport, Runnable::run);
        model.setRecording(ramp(8000), 4000);
        model.playSelection();
        assertTrue(model.messageProperty().get().contains("Select a region"));
        viewport.select(0.25, 0.75);
        model.playSelection();
        assertEquals(2000, output.frames().length);
        assertEquals(0.75, viewport.cursorProperty().get(), 1e-12);
        assertFalse(model.playingProperty().get());
    }
}
