package org.auscult.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.auscult.analysis.DefaultModel;

/**
 * {@code --self-check}: proves on this machine that the window opens, the start collection is read, the model loads
 * and the first recording gets a verdict, then closes the window and reports one line. It answers "does the
 * workstation work here?" for an installation, and CI runs it under a virtual display with only the system
 * packages the README names.
 *
 * <p>Each step is watched from the FX thread by a light poll (four times a second) rather than by listeners, so a
 * step that never happens ends in a report naming it instead of a hang.
 */
final class SelfCheck {

    /** The longest the whole check may take; a cold start on a slow machine needs well under half of it. */
    static final double TIMEOUT_SECONDS = 120;

    private final WorkstationViewModel model;
    private final WorkstationOptions options;
    private final Stage stage;
    private final BiConsumer<Integer, String> finish;
    private final Timeline poll = new Timeline();
    private final long started = System.nanoTime();
    private boolean selected;
    /** When the first recording was selected, shown with its views and judged, in nanoseconds (0 until then). */
    private long selectedAt;
    private long outlinedAt;
    private long shownAt;
    private long firstVerdictAt;
    private long judgedAt;
    /** The first failure the status line reported; a later message can replace it on screen before a poll. */
    private String failure;

    private SelfCheck(WorkstationViewModel model, WorkstationOptions options, Stage stage,
                      BiConsumer<Integer, String> finish) {
        this.model = model;
        this.options = options;
        this.stage = stage;
        this.finish = finish;
    }

    /**
     * Starts watching; {@code finish} gets the exit code (0 when every step passed) and the one-line report.
     */
    static void start(WorkstationViewModel model, WorkstationOptions options, Stage stage,
                      BiConsumer<Integer, String> finish) {
        SelfCheck check = new SelfCheck(model, options, stage, finish);
        check.noteFailure(model.status().messageProperty().get());
        model.status().messageProperty().addListener((property, old, message) -> check.noteFailure(message));
        check.poll.getKeyFrames().add(new KeyFrame(Duration.millis(250), event -> check.step()));
        check.poll.setCycleCount(Timeline.INDEFINITE);
        check.poll.play();
    }

    private void noteFailure(String message) {
        if (failure == null && message != null
                && (message.startsWith("Cannot open") || message.startsWith("Cannot load the model"))) {
            failure = message;
        }
    }

    private void step() {
        boolean wantsCollection = options.collection().isPresent();
        boolean wantsModel = options.model().isPresent() || DefaultModel.available();
        if (failure != null) {
            report(1, failure);
            return;
        }
        boolean collectionOpen = model.browser().collectionProperty().get() != null;
        boolean modelLoaded = model.modelProperty().get() != null;
        if (collectionOpen && modelLoaded && !selected && !model.browser().filteredRows().isEmpty()) {
            selected = true;
            selectedAt = System.nanoTime();
            // the moments themselves, not the next poll: the time a user waits after a click
            model.loadedProperty().addListener((property, old, loaded) -> {
                if (loaded != null && shownAt == 0) {
                    shownAt = System.nanoTime();
                }
            });
            model.waveform().summaryProperty().addListener((property, old, summary) -> {
                if (summary != null && outlinedAt == 0) {
                    outlinedAt = System.nanoTime();
                }
            });
            model.verdict().verdictProperty().addListener((property, old, verdict) -> {
                if (verdict != null && firstVerdictAt == 0) {
                    firstVerdictAt = System.nanoTime();
                }
            });
            model.analysisProperty().addListener((property, old, analysis) -> {
                if (analysis != null && judgedAt == 0) {
                    judgedAt = System.nanoTime();
                }
            });
            model.browser().selectedProperty().set(model.browser().filteredRows().get(0));
        }
        // the whole verdict: a long recording shows a verdict so far after each window it has judged
        boolean verdictShown = model.verdict().verdictProperty().get() != null && model.analysisProperty().get() != null;
        boolean done = stage.isShowing() && (!wantsCollection || collectionOpen)
                && (!wantsModel || modelLoaded) && (!selected || verdictShown);
        if (done) {
            report(0, "");
        } else if (seconds() > TIMEOUT_SECONDS) {
            List<String> missing = new ArrayList<>();
            if (!stage.isShowing()) {
                missing.add("the window did not show");
            }
            if (wantsCollection && !collectionOpen) {
                missing.add("the collection did not open");
            }
            if (wantsModel && !modelLoaded) {
                missing.add("the model did not load");
            }
            if (selected && !verdictShown) {
                missing.add("the first recording got no verdict");
            }
            report(1, String.join(", ", missing) + " within " + (int) TIMEOUT_SECONDS + " s");
        }
    }

    private void report(int exitCode, String problem) {
        poll.stop();
        StringBuilder line = new StringBuilder(exitCode == 0 ? "Self-check passed" : "Self-check FAILED: " + problem);
        line.append(String.format(Locale.ROOT, " (%.1f s): window %.0fx%.0f, heap up to %d MB", seconds(),
                stage.getWidth(), stage.getHeight(), Runtime.getRuntime().maxMemory() >> 20));
        var collection = model.browser().collectionProperty().get();
        if (collection != null) {
            line.append(String.format(Locale.ROOT, "; %d recordings from %s, read as: %s",
                    collection.recordings().size(), collection.root(), collection.layout().displayName()));
        }
        if (model.modelProperty().get() != null) {
            line.append("; model loaded");
        }
        var verdict = model.verdict().verdictProperty().get();
        if (verdict != null) {
            line.append("; first recording: ").append(model.verdict().headlineProperty().get());
        }
        if (outlinedAt > 0 && shownAt > 0 && firstVerdictAt > 0 && judgedAt > 0) {
            line.append(String.format(Locale.ROOT, "; after the selection: waveform %.0f ms, spectrogram %.0f ms, "
                    + "first verdict %.0f ms, whole verdict %.0f ms", millisAfterSelection(outlinedAt),
                    millisAfterSelection(shownAt), millisAfterSelection(Math.min(firstVerdictAt, judgedAt)), millisAfterSelection(judgedAt)));
        }
        finish.accept(exitCode, line.toString());
    }

    private double millisAfterSelection(long moment) {
        return (moment - selectedAt) / 1e6;
    }

    private double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }
}
