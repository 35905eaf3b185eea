package org.auscult.app.playback;

import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.auscult.app.timeline.TimeViewport;

/**
 * Play/pause from the cursor, play the selection, loop; the cursor of the shared {@link TimeViewport} follows what
 * is heard. When no audio device exists, {@link #messageProperty()} says so and nothing else changes.
 */
public final class PlaybackViewModel {

    private final Player player;
    private final TimeViewport viewport;
    private final Consumer<Runnable> ui;
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing");
    private final BooleanProperty loop = new SimpleBooleanProperty(this, "loop");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private PlaybackSource source;

    /**
     * @param ui runs a change on the UI thread ({@code Platform::runLater} in the application, {@code Runnable::run}
     *           in tests)
     */
    public PlaybackViewModel(Player player, TimeViewport viewport, Consumer<Runnable> ui) {
        this.player = Objects.requireNonNull(player, "player");
        this.viewport = Objects.requireNonNull(viewport, "viewport");
        this.ui = Objects.requireNonNull(ui, "ui");
    }

    /** The recording to play (null for none); stops what is playing. */
    public void setRecording(float[] newSamples, int newSampleRate) {
        setRecording(newSamples == null ? null : PlaybackSource.of(newSamples, newSampleRate));
    }

    /** The recording to play, read as it plays (null for none); stops what is playing. */
    public void setRecording(PlaybackSource newSource) {
        stop();
        source = newSource;
    }

    /** Space: pauses when playing, else plays from the cursor (from the start when the cursor is at the end). */
    public void togglePlayPause() {
        if (player.isPlaying()) {
            stop();
            return;
        }
        double from = viewport.cursorProperty().get();
        if (from >= viewport.duration() - 1e-9) {
            from = 0;
        }
        start(from, viewport.duration());
    }

    /** Plays the selected region (looping when {@link #loopProperty()} is set); without a selection, does nothing. */
    public void playSelection() {
        if (!viewport.hasSelection()) {
            message.set("Select a region first (drag across the waveform).");
            return;
        }
        if (player.isPlaying()) {
            stop();
        }
        start(viewport.selectionStart(), viewport.selectionEnd());
    }

    /** Stops; the cursor stays where playback was. */
    public void stop() {
        player.stop();
    }

    private void start(double from, double to) {
        if (source == null || player.isPlaying()) {
            return;
        }
        try {
            playing.set(true);
            message.set("");
            player.play(source, from, to, loop.get(), new Player.Listener() {
                @Override
                public void position(double seconds) {
                    ui.accept(() -> viewport.cursorProperty().set(seconds));
                }

                @Override
                public void stopped(double seconds) {
                    ui.accept(() -> {
                        viewport.cursorProperty().set(seconds);
                        playing.set(false);
                    });
                }
            });
        } catch (AudioUnavailableException e) {
            playing.set(false);
            message.set(e.getMessage());
        }
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    public BooleanProperty loopProperty() {
        return loop;
    }

    /** Empty, or why playback is not possible. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
