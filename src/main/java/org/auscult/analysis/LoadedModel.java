package org.auscult.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.auscult.learn.FollowUpScreen;
import org.auscult.learn.ModelFile;
import org.auscult.learn.TrainedModel;

/**
 * A model in use and where it came from.
 *
 * @param model          the model
 * @param source         for people: "bundled default model" or the file it was loaded from
 * @param followUpScreen the follow-up answer's operating point, fitted on the model's own cross-validation; null
 *                       when the model carries none to fit it on
 */
public record LoadedModel(TrainedModel model, String source, FollowUpScreen followUpScreen) {

    public LoadedModel {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(source, "source");
    }

    /**
     * {@code model} with its own follow-up screen (fitted at training for the patients' weighted accuracy), else the
     * one its evaluation gives ({@link FollowUpScreen#of}).
     */
    public LoadedModel(TrainedModel model, String source) {
        this(model, source, model.followUpScreen() != null ? model.followUpScreen()
                : FollowUpScreen.of(model.evaluation()).orElse(null));
    }

    /**
     * The model in {@code file} (named by its file name), or the bundled default model when {@code file} is null:
     * the workstation and {@code classify} load a model alike, so that they describe it alike.
     */
    public static LoadedModel load(Path file) throws IOException {
        return file == null ? new LoadedModel(DefaultModel.load(), "bundled default model")
                : new LoadedModel(ModelFile.load(file), String.valueOf(file.getFileName()));
    }

    /** How recordings must be analysed for this model: exactly as its training data was. */
    public AnalysisConfig analysisConfig() {
        return AnalysisConfig.of(model.featureConfiguration());
    }

    /** How recordings are analysed for {@code model}: as its training data was, or by the defaults when null. */
    public static AnalysisConfig analysisConfigOf(LoadedModel model) {
        return model == null ? AnalysisConfig.defaults() : model.analysisConfig();
    }

    /** One line: design, classes, source and, when evaluated, its balanced accuracy. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        text.append(model.spec().preset().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
                .append(" model, ").append(model.classNames().size()).append(" classes, ")
                .append(model.featureNames().size()).append(" features (").append(source).append(')');
        if (model.evaluation() != null) {
            text.append(String.format(java.util.Locale.ROOT, "; evaluated balanced accuracy %.2f",
                    model.evaluation().balancedAccuracy()));
        }
        return text.toString();
    }
}
