package org.auscult.app.cycle;

import org.auscult.segmentation.BeatStack;
import org.auscult.segmentation.quality.QualityMap;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import org.auscult.app.task.BackgroundTask;
import org.auscult.app.task.LatestTask;
import org.auscult.app.task.TaskExecutor;
import org.auscult.app.timeline.TimeViewport;
import org.auscult.audio.AudioClip;
import org.auscult.labels.LabelEvent;
import org.auscult.labels.exchange.TimedMark;
import org.auscult.segmentation.Segmentation;
import org.auscult.segmentation.murmur.MurmurEnvelope;

/**
 * The heart cycle of the recording on screen, as its analysis segmented it (the one its verdict used): chooses what
 * to show (the user's S1/S2 events over the automatic segmentation, see {@link ShownCycle}), and
 * derives the cycle bands, the heart-rate summary and the beat stack from it. Clicking a beat moves the shared
 * viewport to it. The beat stack's envelope is computed in the background (a newer recording cancels the older
 * one). For a murmur described on screen it also places the murmur envelope over the beat stack and the cycle bands
 * ({@link MurmurEvidence}). Needs no toolkit: tests drive it with a {@code CurrentThreadTaskExecutor}.
 */
public final class CycleViewModel {

    private final LatestTask task;
    private final TimeViewport viewport;
    private final ReadOnlyObjectWrapper<Segmentation> automatic = new ReadOnlyObjectWrapper<>(this, "automatic");
    private final ReadOnlyObjectWrapper<ShownCycle> shown = new ReadOnlyObjectWrapper<>(this, "shown",
            ShownCycle.NONE);
    private final ReadOnlyObjectWrapper<BeatStack> beatStack = new ReadOnlyObjectWrapper<>(this, "beatStack",
            BeatStack.EMPTY);
    private QualityMap seconds;
    private final ReadOnlyObjectWrapper<HeartSummary> summary = new ReadOnlyObjectWrapper<>(this, "summary",
            HeartSummary.NONE);
    private final ReadOnlyBooleanWrapper canAccept = new ReadOnlyBooleanWrapper(this, "canAccept");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final BooleanProperty visible = new SimpleBooleanProperty(this, "visible", true);
    private final IntegerProperty selectedBeat = new SimpleIntegerProperty(this, "selectedBeat", -1);
    private final ReadOnlyObjectWrapper<MurmurEvidence> murmurEvidence = new ReadOnlyObjectWrapper<>(this,
            "murmurEvidence", MurmurEvidence.NONE);
    /** The murmur placed over the automatic cycles, once per recording; the median follows the beat stack. */
    private MurmurEvidence murmurOverCycles = MurmurEvidence.NONE;
    private Path recording;
    private double duration;
    private double[] envelope = new double[0];
    private Path eventsPath;
    private List<LabelEvent> events = List.of();

    /**
     * @param executor runs the segmentation (the workstation's analysis executor)
     * @param viewport moved to a beat when one is chosen in the beat stack
     */
    public CycleViewModel(TaskExecutor executor, TimeViewport viewport) {
        this.task = new LatestTask(executor);
        this.viewport = Objects.requireNonNull(viewport, "viewport");
    }

    /** Says the heart cycle of a recording is being found (it comes with the recording's analysis). */
    public void finding() {
        clear();
        message.set("Finding the heart cycle…");
    }

    /**
     * Shows the heart cycle of the recording at {@code path}: {@code segmentation} is the one its verdict used, of
     * the conditioned {@code clip}; null shows {@code reason} instead. The beat stack's envelope is computed in the
     * background, cancelling that of any older recording.
     */
    public void show(Path path, AudioClip clip, Segmentation segmentation, String reason) {
        clear();
        if (segmentation == null) {
            message.set("No heart cycle for " + path.getFileName() + ": " + reason);
            return;
        }
        recording = path.toAbsolutePath().normalize();
        duration = clip.durationSeconds();
        automatic.set(segmentation);
        refresh();
        Path showing = recording;
        task.replaceWith(BackgroundTask.of("beat stack " + path, context -> BeatStack.envelope(clip))
                .onSuccess(result -> {
                    if (showing.equals(recording)) {
                        envelope = result;
                        refresh();
                    }
                }).onFailure(failure -> message.set("No beat stack for " + path.getFileName() + ": "
                        + failure.getMessage())));
    }

    /** Which seconds of the recording on screen are usable: the banner's "unsure" then comes from them. */
    public void setSeconds(QualityMap quality) {
        seconds = quality;
        refresh();
    }

    /** Forgets the recording on screen and cancels its segmentation. */
    public void clear() {
        task.cancel();
        seconds = null;
        recording = null;
        automatic.set(null);
        envelope = new double[0];
        murmurOverCycles = MurmurEvidence.NONE;
        message.set("");
        refresh();
    }

    /**
     * The murmur envelope behind the description on screen (null: none), measured on the recording on screen; set
     * after {@link #show}, which forgets the previous one, as {@link #clear} does.
     */
    public void setMurmur(MurmurEnvelope shown) {
        murmurOverCycles = recording == null ? MurmurEvidence.NONE : MurmurEvidence.overCycles(shown);
        refresh();
    }

    /** Stops the segmentation in progress. */
    public void cancel() {
        task.cancel();
    }

    /**
     * The events the label store holds for the recording at {@code path}. They count only while that recording is
     * the one on screen: the label store answers in the background and may still describe the previous one.
     */
    public void setEvents(Path path, List<LabelEvent> recordingEvents) {
        eventsPath = path == null ? null : path.toAbsolutePath().normalize();
        events = List.copyOf(recordingEvents);
        refresh();
    }

    private void refresh() {
        boolean eventsKnown = recording != null && recording.equals(eventsPath);
        ShownCycle cycle = recording == null ? ShownCycle.NONE
                : ShownCycle.of(automatic.get(), eventsKnown ? events : List.of(), duration);
        shown.set(cycle);
        summary.set(HeartSummary.of(cycle, recording == null ? null : seconds));
        List<CycleBand> aligned = cycle.completeS1(duration);
        beatStack.set(envelope.length == 0 ? BeatStack.EMPTY : BeatStack.of(envelope,
                aligned.stream().map(CycleBand::asSegment).toList()));
        murmurEvidence.set(murmurOverCycles.withBeatStack(aligned, cycle.bands(), beatStack.get()));
        selectedBeat.set(-1);
        canAccept.set(eventsKnown && cycle.source() == CycleSource.AUTOMATIC && !cycle.bands().isEmpty());
    }

    /**
     * The automatic segmentation as events to store (type S1, S2, systole or diastole; start and end in seconds),
     * empty when the cycle on screen is not the automatic one.
     */
    public List<TimedMark> segmentationToAccept() {
        ShownCycle cycle = shown.get();
        if (cycle.source() != CycleSource.AUTOMATIC) {
            return List.of();
        }
        return cycle.bands().stream()
                .map(band -> new TimedMark(band.start(), band.end(), ShownCycle.eventTypeOf(band.state()))).toList();
    }

    /** A description of the accepted segmentation for the undo button: "accept segmentation (48 events)". */
    public String acceptDescription() {
        return String.format(Locale.ROOT, "accept segmentation (%d events)", segmentationToAccept().size());
    }

    /**
     * Selects beat {@code index} of the beat stack and shows it on the time axis: the view spans half a cycle before
     * its S1 peak to a cycle after its end ({@code [t − L/2, t + 2L]}, t the S1 peak, L its length) and the cursor
     * goes to the S1 peak.
     */
    public void focusBeat(int index) {
        List<BeatStack.Beat> beats = beatStack.get().beats();
        if (index < 0 || index >= beats.size()) {
            selectedBeat.set(-1);
            return;
        }
        BeatStack.Beat beat = beats.get(index);
        selectedBeat.set(index);
        viewport.show(beat.s1Time() - beat.length() / 2, 2.5 * beat.length());
        viewport.cursorProperty().set(beat.s1Time());
    }

    /** Shows or hides the cycle bands (key C). */
    public void toggleVisible() {
        visible.set(!visible.get());
    }

    /** The automatic segmentation of the recording on screen, null until it is done. */
    public ReadOnlyObjectProperty<Segmentation> automaticProperty() {
        return automatic.getReadOnlyProperty();
    }

    /** The cycle on screen (never null). */
    public ReadOnlyObjectProperty<ShownCycle> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** The cycles of the cycle on screen, overlaid (never null). */
    public ReadOnlyObjectProperty<BeatStack> beatStackProperty() {
        return beatStack.getReadOnlyProperty();
    }

    /**
     * The murmur envelope on the beat stack's and the cycle bands' time axes, {@link MurmurEvidence#NONE} when no
     * murmur is described for the recording on screen (never null).
     */
    public ReadOnlyObjectProperty<MurmurEvidence> murmurEvidenceProperty() {
        return murmurEvidence.getReadOnlyProperty();
    }

    /** Heart rate, rhythm and quality of the cycle on screen (never null). */
    public ReadOnlyObjectProperty<HeartSummary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** True when the automatic segmentation is on screen and the recording's labels are known. */
    public ReadOnlyBooleanProperty canAcceptProperty() {
        return canAccept.getReadOnlyProperty();
    }

    /** Progress or a failure of the segmentation, "" otherwise. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Whether the cycle bands are drawn over the waveform and spectrogram. */
    public BooleanProperty visibleProperty() {
        return visible;
    }

    /** The beat chosen in the beat stack, -1 when none. */
    public IntegerProperty selectedBeatProperty() {
        return selectedBeat;
    }
}
