package org.auscult.capture;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.auscult.analysis.RecordingAnalyzer;
import org.auscult.analysis.Verdict;
import org.auscult.audio.AudioClip;
import org.auscult.audio.DecodedAudio;
import org.auscult.audio.GrowingWavFile;

/**
 * One live recording: samples read from a {@link CaptureSource} on a thread of its own, appended to a
 * {@link GrowingWavFile} (flushed every second), measured block by block for the level meter, and judged every
 * {@value #JUDGE_EVERY_SECONDS} s over the last {@value #JUDGED_SECONDS} s once {@value #FIRST_JUDGED_SECONDS} s are
 * in, by the same {@link RecordingAnalyzer} as a file. Judging runs on another thread and a tick is skipped while the
 * previous one still runs, so capture never waits for the model.
 *
 * <p>Levels: over each block {@code peak = max |x|} and {@code rms = sqrt(mean x^2)}, in dBFS; a block is clipping
 * when a sample reaches {@value #CLIP_LEVEL} of full scale, too quiet when its peak is below {@value #QUIET_DBFS}
 * dBFS.
 */
public final class LiveSession implements AutoCloseable {

    /** Seconds of audio before the first verdict: a few beats. */
    public static final double FIRST_JUDGED_SECONDS = 5;
    /** Seconds between verdicts. */
    public static final double JUDGE_EVERY_SECONDS = 1;
    /** Seconds each verdict covers: the most recent. */
    public static final double JUDGED_SECONDS = 10;
    /** A sample at or beyond this share of full scale is clipping. */
    public static final double CLIP_LEVEL = 0.999;
    /** A block whose peak is below this is too quiet to hear heart sounds in. */
    public static final double QUIET_DBFS = -40;
    /** A signal-quality index below this makes the verdict unsure, as for a file. */
    public static final double UNSURE_QUALITY = 0.20;

    /** What the listener hears; called on the session's threads, never the caller's. */
    public interface Listener {
        /** The level of the block just captured. */
        void level(Level level);

        /** A verdict over the last seconds. */
        void judged(Judgement judgement);

        /** The session ended: by {@link #stop}, the source's end, or a failure ({@code problem} non-empty). */
        void ended(String problem);
    }

    /**
     * @param seconds  recorded so far
     * @param peakDbfs the block's peak level
     * @param rmsDbfs  the block's RMS level
     * @param clipping the block reached full scale
     * @param tooQuiet the block's peak is below {@value #QUIET_DBFS} dBFS
     * @param dropped  frames the source lost so far
     * @param block    the block's samples, for a live waveform (a copy)
     */
    public record Level(double seconds, double peakDbfs, double rmsDbfs, boolean clipping, boolean tooQuiet,
                        long dropped, float[] block) {
    }

    /**
     * @param fromSeconds  start of the stretch judged
     * @param toSeconds    its end
     * @param verdict      the model's verdict on it (with the file verdict's warnings), null without a model
     * @param heartRateBpm its heart rate, NaN when it could not be segmented
     * @param quality      its signal-quality index, 0 to 1 (NaN when it could not be segmented)
     * @param guidance     what to do about poor quality ("" when it is good)
     */
    public record Judgement(double fromSeconds, double toSeconds, Verdict verdict, double heartRateBpm,
                            double quality, String guidance) {
    }

    private final CaptureSource source;
    private final GrowingWavFile file;
    private final RecordingAnalyzer analyzer;
    private final Listener listener;
    private final float[] recent;
    private final ExecutorService judge;
    private final Thread capture;
    private final AtomicBoolean judging = new AtomicBoolean();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private volatile long captured;
    private int recentEnd;
    private volatile boolean clippedRecently;
    private volatile boolean quietRecently;

    private LiveSession(CaptureSource source, Path target, RecordingAnalyzer analyzer, Listener listener)
            throws IOException {
        this.source = Objects.requireNonNull(source, "source");
        this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.file = new GrowingWavFile(target, source.sampleRate());
        this.recent = new float[(int) Math.round(JUDGED_SECONDS * source.sampleRate())];
        this.judge = Executors.newSingleThreadExecutor(runnable -> daemon(runnable, "live-judge"));
        this.capture = daemon(this::run, "live-capture");
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    /**
     * Starts recording {@code source} into {@code target} (a new file: an existing one is never overwritten).
     *
     * @param analyzer judges the recent seconds: {@code RecordingAnalyzer.judging(model, reference, true)}
     */
    public static LiveSession start(CaptureSource source, Path target, RecordingAnalyzer analyzer, Listener listener)
            throws IOException {
        LiveSession session = new LiveSession(source, target, analyzer, listener);
        session.capture.start();
        return session;
    }

    /** The file being written. */
    public Path file() {
        return file.file();
    }

    private void run() {
        int rate = source.sampleRate();
        float[] block = new float[Math.max(64, rate / 20)];
        long sinceFlush = 0;
        long sinceJudged = 0;
        String problem = "";
        try {
            while (!stopping.get()) {
                int n = source.read(block);
                if (n < 0) {
                    break;
                }
                if (n == 0) {
                    continue;
                }
                file.append(block, n);
                remember(block, n);
                captured += n;
                sinceFlush += n;
                sinceJudged += n;
                listener.level(level(block, n, rate));
                if (sinceFlush >= rate) {
                    file.flush();
                    sinceFlush = 0;
                }
                if (captured >= FIRST_JUDGED_SECONDS * rate && sinceJudged >= JUDGE_EVERY_SECONDS * rate) {
                    sinceJudged = 0;
                    judgeRecent(rate);
                }
            }
        } catch (IOException | RuntimeException e) {
            problem = "Recording stopped: " + (e.getMessage() == null ? e.toString() : e.getMessage());
        } finally {
            source.close();
            try {
                file.close();
            } catch (IOException e) {
                problem = problem.isEmpty() ? "Could not finish " + file.file() + ": " + e.getMessage() : problem;
            }
            judge.shutdown();
            try {
                judge.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            listener.ended(problem);
        }
    }

    private Level level(float[] block, int n, int rate) {
        double peak = 0;
        double squares = 0;
        boolean clipping = false;
        for (int i = 0; i < n; i++) {
            double v = Math.abs(block[i]);
            peak = Math.max(peak, v);
            squares += v * v;
            clipping |= v >= CLIP_LEVEL;
        }
        double peakDbfs = 20 * Math.log10(peak);
        boolean quiet = peakDbfs < QUIET_DBFS;
        clippedRecently |= clipping;
        quietRecently |= quiet;
        return new Level(captured / (double) rate, peakDbfs, 10 * Math.log10(squares / n), clipping, quiet,
                source.droppedFrames(), java.util.Arrays.copyOf(block, n));
    }

    private void remember(float[] block, int n) {
        for (int i = 0; i < n; i++) {
            recent[recentEnd] = block[i];
            recentEnd = (recentEnd + 1) % recent.length;
        }
    }

    /** The last seconds, oldest first, judged on the judge's thread unless the previous judgement still runs. */
    private void judgeRecent(int rate) {
        if (!judging.compareAndSet(false, true)) {
            return;
        }
        int length = (int) Math.min(recent.length, captured);
        float[] clip = new float[length];
        for (int i = 0; i < length; i++) {
            clip[i] = recent[Math.floorMod(recentEnd - length + i, recent.length)];
        }
        double to = captured / (double) rate;
        boolean clipped = clippedRecently;
        boolean quiet = quietRecently;
        clippedRecently = false;
        quietRecently = false;
        judge.execute(() -> {
            try {
                DecodedAudio recent = new DecodedAudio(new AudioClip(clip, rate), GrowingWavFile.formatOf(rate, length),
                        List.of());
                RecordingAnalyzer.Analysis analysis = analyzer.analyze(file.file(), recent);
                double bpm = analysis.segmentation() == null ? Double.NaN : analysis.segmentation().heartRateBpm();
                double quality = analysis.segmentation() == null ? Double.NaN
                        : analysis.segmentation().qualityIndex();
                listener.judged(new Judgement(to - length / (double) rate, to, analysis.verdict(), bpm, quality,
                        guidance(clipped, quiet, quality)));
            } catch (RuntimeException e) {
                listener.judged(new Judgement(to - length / (double) rate, to, null, Double.NaN, Double.NaN,
                        "Could not judge the last seconds: " + e.getMessage()));
            } finally {
                judging.set(false);
            }
        });
    }

    /** What to do about the last seconds, "" when nothing. */
    static String guidance(boolean clipped, boolean quiet, double quality) {
        List<String> advice = new ArrayList<>();
        if (clipped) {
            advice.add("Clipping: lower the input gain or press more lightly.");
        }
        if (quiet) {
            advice.add("Too quiet: press the chest piece firmly on the skin, or raise the input gain.");
        }
        if (!(quality >= UNSURE_QUALITY)) {
            advice.add("No clear heart sounds: hold the stethoscope still, keep the patient quiet, move to another "
                    + "site if it persists.");
        }
        return String.join(" ", advice);
    }

    /** Samples recorded so far. */
    public long capturedSamples() {
        return captured;
    }

    /** Stops after the block being read; the file is finished and closed before {@link Listener#ended} is called. */
    public void stop() {
        stopping.set(true);
        source.close();
    }

    /** Stops and waits for the file to be finished. */
    @Override
    public void close() throws InterruptedException {
        stop();
        capture.join(TimeUnit.SECONDS.toMillis(15));
    }

    /** Describes the session for a status line. */
    public String describe() {
        return String.format(Locale.ROOT, "Recording %s into %s", source.describe(), file.file().getFileName());
    }
}
