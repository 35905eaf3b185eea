package org.auscult.app.waveform;

import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.auscult.app.playback.PlaybackSource;
import org.auscult.app.timeline.TimeViewport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the stretch of a long recording's file that the view shows, once the view is {@value #MAX_SECONDS} s wide
 * or less, so the waveform up close is drawn at the file's own rate ({@link WaveformDetail}). The stretch read is
 * three views wide (one on each side), so small scrolls need no new read; reads run on {@code reader}, only the
 * newest request is read, and what arrives for another recording is dropped.
 */
public final class DetailFollower {

    /** Views this wide or narrower are drawn from the file: 441 000 samples at 44.1 kHz at most. */
    public static final double MAX_SECONDS = 10;

    private static final Logger LOG = LoggerFactory.getLogger(DetailFollower.class);

    private final TimeViewport viewport;
    private final WaveformViewModel waveform;
    private final Executor reader;
    private final Consumer<Runnable> ui;
    private PlaybackSource source;
    private volatile long generation;
    /** A request is on its way to the UI thread ({@link #schedule}). */
    private boolean scheduled;

    /**
     * @param reader reads the file (a worker thread)
     * @param ui     runs a change on the UI thread
     */
    public DetailFollower(TimeViewport viewport, WaveformViewModel waveform, Executor reader, Consumer<Runnable> ui) {
        this.viewport = Objects.requireNonNull(viewport, "viewport");
        this.waveform = Objects.requireNonNull(waveform, "waveform");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.ui = Objects.requireNonNull(ui, "ui");
        viewport.startProperty().addListener((property, before, after) -> schedule());
        viewport.visibleProperty().addListener((property, before, after) -> schedule());
    }

    /**
     * Asks for the view's stretch once the UI thread is done with the present change: a zoom moves the start and
     * the width one after the other, and only the view they make together is read.
     */
    private void schedule() {
        if (!scheduled) {
            scheduled = true;
            ui.accept(() -> {
                scheduled = false;
                request();
            });
        }
    }

    /**
     * The file to read up close, at a rate above the samples the summary holds; null for a recording whose samples
     * are all in memory at their own rate. Any stretch of the previous recording is dropped.
     */
    public void setSource(PlaybackSource newSource) {
        source = newSource;
        generation++;
        waveform.detailProperty().set(null);
        request();
    }

    private void request() {
        PlaybackSource current = source;
        double from = viewport.start();
        double to = from + viewport.visible();
        if (current == null || viewport.visible() > MAX_SECONDS) {
            return;
        }
        WaveformDetail shown = waveform.detailProperty().get();
        if (shown != null && shown.covers(from, to, current.length())) {
            return;
        }
        long asked = ++generation;
        int rate = current.sampleRate();
        long first = Math.max(0, (long) Math.floor((from - viewport.visible()) * rate));
        long end = Math.min(current.length(), (long) Math.ceil((to + viewport.visible()) * rate));
        if (end <= first) {
            return;
        }
        reader.execute(() -> {
            if (asked != generation) {
                return;   // a newer view asked meanwhile
            }
            float[] samples = new float[(int) (end - first)];
            try {
                current.read(first, samples, samples.length);
            } catch (IOException e) {
                LOG.warn("Cannot read the waveform up close: {}", e.getMessage());
                return;
            }
            WaveformDetail detail = new WaveformDetail(first, rate, samples);
            ui.accept(() -> {
                if (asked == generation && source == current) {
                    waveform.detailProperty().set(detail);
                }
            });
        });
    }
}
