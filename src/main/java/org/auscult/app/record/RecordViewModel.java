package org.auscult.app.record;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.auscult.analysis.LoadedModel;
import org.auscult.analysis.RecordingAnalyzer;
import org.auscult.capture.CaptureSource;
import org.auscult.capture.LiveSession;

/**
 * The state of Record mode. Session callbacks arrive on capture threads and are handed to the UI thread through
 * {@code ui}; the view only binds to the properties here.
 */
public final class RecordViewModel {

    /** The auscultation sites, as CirCor names them. */
    public static final List<String> SITES = org.auscult.labels.Auscultation.SITES;
    /** Seconds of waveform the live view keeps. */
    public static final double SHOWN_SECONDS = 10;

    /** An input the user can record from. */
    public interface Input {
        /** Its name in the list. */
        String name();

        /** Opens it at (about) {@code rate} Hz. */
        CaptureSource open(int rate) throws IOException;
    }

    /** Where the session is. */
    public enum State { READY, RECORDING, STOPPED }

    private final Consumer<Runnable> ui;
    private final Clock clock;
    private final ObservableList<Input> inputs = FXCollections.observableArrayList();
    private final ObjectProperty<Input> input = new SimpleObjectProperty<>(this, "input");
    private final StringProperty patient = new SimpleStringProperty(this, "patient", "");
    private final StringProperty site = new SimpleStringProperty(this, "site", "MV");
    private final ObjectProperty<Path> folder = new SimpleObjectProperty<>(this, "folder");
    private final ObjectProperty<LoadedModel> model = new SimpleObjectProperty<>(this, "model");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.READY);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper(this, "verdict", "");
    private final ReadOnlyStringWrapper examination = new ReadOnlyStringWrapper(this, "examination", "");
    private AuscultationLog log = AuscultationLog.none();
    private final ReadOnlyStringWrapper heart = new ReadOnlyStringWrapper(this, "heart", "");
    private final ReadOnlyStringWrapper guidance = new ReadOnlyStringWrapper(this, "guidance", "");
    private final ReadOnlyStringWrapper levelText = new ReadOnlyStringWrapper(this, "levelText", "");
    private final ReadOnlyDoubleWrapper level = new ReadOnlyDoubleWrapper(this, "level", 0);
    private final ReadOnlyBooleanWrapper clipping = new ReadOnlyBooleanWrapper(this, "clipping");
    private final ReadOnlyDoubleWrapper seconds = new ReadOnlyDoubleWrapper(this, "seconds", 0);
    private final ReadOnlyObjectWrapper<Path> recorded = new ReadOnlyObjectWrapper<>(this, "recorded");
    private final javafx.beans.property.BooleanProperty monitoring =
            new javafx.beans.property.SimpleBooleanProperty(this, "monitoring", false);
    private java.util.function.Supplier<org.auscult.app.playback.AudioOutput> outputs =
            org.auscult.app.playback.JavaSoundOutput::new;
    private volatile Monitor monitor;
    private final ObservableList<LiveSession.Judgement> judgements = FXCollections.observableArrayList();
    private float[] shown = new float[0];
    private LiveSpectrogram spectrogram;
    private int shownEnd;
    private int rate;
    private LiveSession session;
    private long generation;

    public RecordViewModel(Consumer<Runnable> ui, Clock clock) {
        this.ui = Objects.requireNonNull(ui, "ui");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The file name for a recording of {@code patient} at {@code site} now: {@code p12_MV_20261205-083000.wav}. */
    String fileName(String patientName, String siteName) {
        String safe = patientName.trim().replaceAll("[^A-Za-z0-9.-]+", "-").replaceAll("^[-.]+|-+$", "");
        return (safe.isEmpty() ? "patient" : safe) + "_" + siteName + "_"
                + LocalDateTime.now(clock).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".wav";
    }

    /** Starts recording from the chosen input into the chosen folder; a problem is said in {@link #messageProperty}. */
    public void start() {
        if (state.get() == State.RECORDING) {
            return;
        }
        Input chosen = input.get();
        if (folder.get() == null) {
            message.set("Choose the folder the recordings go to first.");
            return;
        }
        if (chosen == null) {
            message.set(inputs.isEmpty() ? "No audio input on this machine: connect a stethoscope through a line-in "
                    + "or a USB audio interface, or replay a recording." : "Choose an input first.");
            return;
        }
        if (patient.get().trim().isEmpty()) {
            message.set("Enter the patient first: each recording is kept under its patient and site.");
            return;
        }
        Path target = folder.get().resolve(fileName(patient.get(), site.get()));
        CaptureSource source;
        try {
            Files.createDirectories(folder.get());
            source = chosen.open(4000);
        } catch (IOException | RuntimeException e) {
            message.set("Cannot record from " + chosen.name() + ": " + e.getMessage());
            return;
        }
        rate = source.sampleRate();
        shown = new float[(int) Math.round(SHOWN_SECONDS * rate)];
        spectrogram = new LiveSpectrogram(rate, SHOWN_SECONDS);
        shownEnd = 0;
        long current = ++generation;
        verdict.set("Listening… the first verdict after " + (int) LiveSession.FIRST_JUDGED_SECONDS + " s");
        judgements.clear();
        heart.set("");
        guidance.set("");
        recorded.set(null);
        // the monitor is ready before the first block can arrive
        String listening = startMonitor(rate);
        try {
            session = LiveSession.start(source, target, RecordingAnalyzer.judging(model.get(), null, true),
                    listener(current));
        } catch (IOException | RuntimeException e) {
            source.close();
            if (monitor != null) {
                monitor.close();
                monitor = null;
            }
            message.set(e instanceof java.nio.file.FileAlreadyExistsException
                    ? target.getFileName() + " already exists and is kept: start again in a second, or change the "
                            + "patient or the site."
                    : "Cannot write " + target + ": " + e.getMessage());
            return;
        }
        state.set(State.RECORDING);
        message.set(session.describe() + listening);
        log.started(target, patient.get(), site.get(), clock.instant(), chosen.name(), examination::set);
    }

    /** Opens the monitor when asked; what to add to the message ("" when all is well). */
    private String startMonitor(int sampleRate) {
        if (!monitoring.get()) {
            return "";
        }
        try {
            monitor = new Monitor(outputs.get(), sampleRate);
            return "; listening through the speakers";
        } catch (org.auscult.app.playback.AudioUnavailableException e) {
            return ". " + e.getMessage() + " Recording goes on without listening.";
        }
    }

    private LiveSession.Listener listener(long current) {
        return new LiveSession.Listener() {
            @Override
            public void level(LiveSession.Level level) {
                Monitor listening = monitor;
                if (listening != null) {
                    listening.offer(level.block());
                }
                ui.accept(() -> {
                    if (current == generation) {
                        showLevel(level);
                    }
                });
            }

            @Override
            public void judged(LiveSession.Judgement judgement) {
                ui.accept(() -> {
                    if (current == generation) {
                        showJudgement(judgement);
                    }
                });
            }

            @Override
            public void ended(String problem) {
                ui.accept(() -> {
                    if (current == generation) {
                        finished(problem);
                    }
                });
            }
        };
    }

    private void showLevel(LiveSession.Level update) {
        seconds.set(update.seconds());
        // the meter spans -60 to 0 dBFS
        level.set(Math.max(0, Math.min(1, (update.peakDbfs() + 60) / 60)));
        clipping.set(update.clipping());
        levelText.set(String.format(Locale.ROOT, "%.1f s, peak %d dBFS%s%s%s", update.seconds(),
                Math.max(-99, Math.round(update.peakDbfs())), update.clipping() ? ", CLIPPING" : "",
                update.tooQuiet() ? ", too quiet" : "", update.dropped() > 0
                        ? String.format(Locale.ROOT, ", %d samples lost", update.dropped()) : ""));
        for (float v : update.block()) {
            shown[shownEnd] = v;
            shownEnd = (shownEnd + 1) % shown.length;
        }
        spectrogram.add(update.block());
    }

    private void showJudgement(LiveSession.Judgement judgement) {
        String stretch = String.format(Locale.ROOT, "(%.0f-%.0f s)", judgement.fromSeconds(), judgement.toSeconds());
        if (judgement.verdict() == null) {
            verdict.set(model.get() == null ? "No model: no verdict " + stretch : "No verdict " + stretch);
        } else if (!judgement.verdict().judged()) {
            verdict.set(judgement.verdict().cannotJudge() + " " + stretch);
        } else {
            verdict.set(String.format(Locale.ROOT, "%s (%.0f %%) over the last seconds %s",
                    judgement.verdict().predictedClass(), 100 * judgement.verdict().confidence(), stretch));
        }
        heart.set(Double.isNaN(judgement.heartRateBpm()) ? "" : String.format(Locale.ROOT,
                "Heart rate %.0f bpm, signal quality %.2f", judgement.heartRateBpm(), judgement.quality()));
        guidance.set(judgement.guidance());
        judgements.add(judgement);
    }

    private void finished(String problem) {
        if (monitor != null) {
            // playing out what is queued takes up to a second: not on the UI thread
            Thread closing = new Thread(monitor::close, "live-monitor-close");
            closing.setDaemon(true);
            closing.start();
            monitor = null;
        }
        Path file = session == null ? null : session.file();
        session = null;
        state.set(State.STOPPED);
        recorded.set(file);
        message.set(problem.isEmpty() ? String.format(Locale.ROOT, "Recorded %.1f s into %s: keep it or discard it.",
                seconds.get(), file) : problem + " What was recorded is in " + file + ".");
    }

    /** Stops recording; the file is finished in the background and {@link #recordedProperty} then names it. */
    public void stop() {
        if (session != null) {
            session.stop();
        }
    }

    /** Deletes the stopped recording. */
    public void discard() {
        Path file = recorded.get();
        if (state.get() != State.STOPPED || file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
            message.set("Discarded " + file.getFileName() + ".");
            log.discarded(file, examination::set);
        } catch (IOException e) {
            message.set("Could not delete " + file + ": " + e.getMessage());
        }
        recorded.set(null);
        state.set(State.READY);
    }

    /** Keeps the stopped recording and gets ready for the next site; returns the file kept. */
    public Path keep() {
        Path file = recorded.get();
        state.set(State.READY);
        recorded.set(null);
        if (file != null) {
            message.set("Kept " + file.getFileName() + ".");
            log.kept(file, examination::set);
        }
        return file;
    }

    /** Where the patient and site of each recording are kept (nowhere by default). */
    public void setLog(AuscultationLog newLog) {
        log = Objects.requireNonNull(newLog, "log");
    }

    /** The examination of this sitting so far: its patient, since when, the sites recorded ("" before any). */
    public ReadOnlyStringProperty examinationProperty() {
        return examination.getReadOnlyProperty();
    }

    /** Every verdict of this recording so far, in time order: the heart-rate and quality trend. */
    public ObservableList<LiveSession.Judgement> judgements() {
        return judgements;
    }

    /** The spectrogram of the last {@link #SHOWN_SECONDS} s (null before the first recording). */
    LiveSpectrogram spectrogram() {
        return spectrogram;
    }

    /** The last {@link #SHOWN_SECONDS} s, oldest first, for the live waveform. */
    public float[] shownSamples() {
        float[] ordered = new float[shown.length];
        for (int i = 0; i < shown.length; i++) {
            ordered[i] = shown[(shownEnd + i) % shown.length];
        }
        return ordered;
    }

    /** Whether to play what is recorded through the speakers or headphones. */
    public javafx.beans.property.BooleanProperty monitoringProperty() {
        return monitoring;
    }

    /** Where monitoring plays (the sound card by default; tests pass a recorder). */
    public void setOutputs(java.util.function.Supplier<org.auscult.app.playback.AudioOutput> newOutputs) {
        outputs = Objects.requireNonNull(newOutputs, "outputs");
    }

    public ObservableList<Input> inputs() {
        return inputs;
    }

    public ObjectProperty<Input> inputProperty() {
        return input;
    }

    public StringProperty patientProperty() {
        return patient;
    }

    public StringProperty siteProperty() {
        return site;
    }

    public ObjectProperty<Path> folderProperty() {
        return folder;
    }

    public ObjectProperty<LoadedModel> modelProperty() {
        return model;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty heartProperty() {
        return heart.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty guidanceProperty() {
        return guidance.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty levelTextProperty() {
        return levelText.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty levelProperty() {
        return level.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty clippingProperty() {
        return clipping.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty secondsProperty() {
        return seconds.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Path> recordedProperty() {
        return recorded.getReadOnlyProperty();
    }
}
