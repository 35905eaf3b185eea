package org.auscult.app.training;

import static org.auscult.app.training.FormFields.decimal;
import static org.auscult.app.training.FormFields.integer;
import static org.auscult.app.training.FormFields.number;

import java.util.List;
import java.util.stream.IntStream;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.auscult.analysis.AnalysisConfig;
import org.auscult.experiments.DefaultRecipe;
import org.auscult.analysis.RecordingAnalyzer;
import org.auscult.app.task.BackgroundTask;
import org.auscult.app.task.TaskExecutor;
import org.auscult.dsp.ParameterException;
import org.auscult.dsp.SignalConditioning;
import org.auscult.features.CycleEmission;
import org.auscult.features.FeatureConfig;
import org.auscult.features.FeatureRegistry;
import org.auscult.features.FeatureVector;
import org.auscult.library.Recording;
import org.auscult.library.RecordingCollection;

/**
 * The wizard's Features page: which feature groups, the signal conditioning and the framing, as text fields read
 * into an {@link AnalysisConfig}; and a preview of the summary vector of one recording.
 */
public final class FeaturesPageViewModel {

    /**
     * A feature group the user may switch on or off.
     *
     * @param name           the registry name, as configurations and feature tables spell it ("cycle_mfcc")
     * @param displayName    the name for people ("MFCCs per heart-cycle phase")
     * @param description    one sentence for people: what the group measures
     * @param recordingLevel measured once per recording (on the heart cycle) rather than per frame
     */
    public record FeatureChoice(String name, String displayName, String description, boolean recordingLevel,
                                BooleanProperty selected) {
    }

    /** One value of the preview's summary vector. */
    public record PreviewValue(String name, double value) {
    }

    private final TaskExecutor executor;
    private final StringProperty message;
    private final ObservableList<FeatureChoice> featureChoices = FXCollections.observableArrayList();
    private final StringProperty analysisRate = new SimpleStringProperty(this, "analysisRate");
    private final StringProperty bandLow = new SimpleStringProperty(this, "bandLow");
    private final StringProperty bandHigh = new SimpleStringProperty(this, "bandHigh");
    private final StringProperty frameSize = new SimpleStringProperty(this, "frameSize");
    private final StringProperty hopSize = new SimpleStringProperty(this, "hopSize");
    private final StringProperty nMfcc = new SimpleStringProperty(this, "nMfcc");
    private final ObservableList<PreviewValue> preview = FXCollections.observableArrayList();
    private final StringProperty previewSource = new SimpleStringProperty(this, "previewSource", "");
    /** Not a field of the page: the recipe's, or that of the experiment the page was filled from. */
    private CycleEmission cycleEmission = CycleEmission.HAND_SET;

    /**
     * @param executor computes the preview
     * @param message  the wizard's message line
     */
    FeaturesPageViewModel(TaskExecutor executor, StringProperty message) {
        this.executor = executor;
        this.message = message;
        for (String name : FeatureRegistry.names()) {
            featureChoices.add(new FeatureChoice(name, FeatureRegistry.displayName(name),
                    FeatureRegistry.description(name),
                    FeatureRegistry.isRecordingFeature(name), new SimpleBooleanProperty()));
        }
        apply(DefaultRecipe.analysis());
    }

    /** The analysis of the page. @throws ParameterException naming the field and the problem */
    public AnalysisConfig analysisConfig() {
        List<String> chosen = featureChoices.stream().filter(choice -> choice.selected().get())
                .map(FeatureChoice::name).toList();
        ParameterException.require(!chosen.isEmpty(), "Choose at least one feature group.");
        int rate = integer(analysisRate, "Analysis rate");
        SignalConditioning conditioning = new SignalConditioning(rate, decimal(bandLow, "Band-pass low"),
                decimal(bandHigh, "Band-pass high"), SignalConditioning.defaults().filterOrder());
        FeatureConfig defaults = FeatureConfig.defaults();
        FeatureConfig features = defaults.withFeatures(chosen)
                .withFraming(integer(frameSize, "Frame size"), integer(hopSize, "Hop size"))
                .withMfcc(integer(nMfcc, "MFCC coefficients"), defaults.nMels(), defaults.fmin(),
                        Math.min(defaults.fmax(), rate / 2.0));
        return new AnalysisConfig(conditioning, features.withCycleEmission(cycleEmission));
    }

    /** Fills the page from {@code analysis}. */
    void apply(AnalysisConfig analysis) {
        featureChoices.forEach(choice -> choice.selected().set(analysis.features().features().contains(choice.name())));
        analysisRate.set(Integer.toString(analysis.conditioning().analysisRate()));
        bandLow.set(number(analysis.conditioning().bandLowHz()));
        bandHigh.set(number(analysis.conditioning().bandHighHz()));
        frameSize.set(Integer.toString(analysis.features().frameSize()));
        hopSize.set(Integer.toString(analysis.features().hopSize()));
        nMfcc.set(Integer.toString(analysis.features().nMfcc()));
        cycleEmission = analysis.features().cycleEmission();
    }

    /** Computes the summary vector of {@code collection}'s first trainable recording, in the background. */
    void previewFeatures(RecordingCollection collection) {
        if (collection == null || collection.trainable().isEmpty()) {
            message.set("Choose a collection with labelled recordings first.");
            return;
        }
        AnalysisConfig config;
        try {
            config = analysisConfig();
        } catch (ParameterException e) {
            message.set(e.getMessage());
            return;
        }
        Recording first = collection.trainable().get(0);
        previewSource.set("Computing the features of " + first.id() + " …");
        executor.execute(BackgroundTask.of("preview " + first.id(),
                        context -> new RecordingAnalyzer(config).analyze(first.path()).features().summary())
                .onSuccess(vector -> showPreview(first, vector))
                .onFailure(failure -> previewSource.set("Cannot analyse " + first.id() + ": "
                        + failure.getMessage())));
    }

    private void showPreview(Recording first, FeatureVector vector) {
        List<PreviewValue> values = IntStream.range(0, vector.size())
                .mapToObj(i -> new PreviewValue(vector.names().get(i), vector.values()[i])).toList();
        preview.setAll(values);
        previewSource.set(first.id() + ": " + values.size() + " summary values");
    }

    /** Forgets the preview (another collection was chosen). */
    void clearPreview() {
        preview.clear();
        previewSource.set("");
    }

    public ObservableList<FeatureChoice> featureChoices() {
        return featureChoices;
    }

    public StringProperty analysisRateProperty() {
        return analysisRate;
    }

    public StringProperty bandLowProperty() {
        return bandLow;
    }

    public StringProperty bandHighProperty() {
        return bandHigh;
    }

    public StringProperty frameSizeProperty() {
        return frameSize;
    }

    public StringProperty hopSizeProperty() {
        return hopSize;
    }

    public StringProperty nMfccProperty() {
        return nMfcc;
    }

    public ObservableList<PreviewValue> preview() {
        return preview;
    }

    public StringProperty previewSourceProperty() {
        return previewSource;
    }
}
