package org.auscult.app.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;

/**
 * Checks the wizard's settings page on show again at every change of its fields: the problem property says what is
 * wrong as the user types, and a problem on the message line follows it, so a message about a value the user has
 * since corrected never stays.
 */
final class LiveValidation {

    private LiveValidation() {
    }

    /** Binds {@code problem} to the problem of the page on show and lets {@code message} follow it. */
    static void watch(TrainingWizardViewModel wizard, StringProperty problem, StringProperty message) {
        DataPageViewModel data = wizard.data();
        FeaturesPageViewModel features = wizard.features();
        ModelPageViewModel model = wizard.model();
        ProtocolPageViewModel protocol = wizard.protocol();
        List<Observable> inputs = new ArrayList<>(List.of(wizard.pageProperty(),
                data.summaryProperty(), data.summarisingProperty(), data.trainingLabelsProperty(),
                features.analysisRateProperty(), features.bandLowProperty(), features.bandHighProperty(),
                features.frameSizeProperty(), features.hopSizeProperty(), features.nMfccProperty(),
                model.presetProperty(), model.balancingProperty(), model.treesProperty(),
                model.smoComplexityProperty(), model.boostingIterationsProperty(), model.stackingFoldsProperty(),
                protocol.protocolProperty(), protocol.foldsProperty(), protocol.repeatsProperty(),
                protocol.seedProperty()));
        features.featureChoices().forEach(choice -> inputs.add(choice.selected()));
        problem.bind(Bindings.createStringBinding(() -> switch (wizard.pageProperty().get()) {
            case FEATURES, MODEL, PROTOCOL -> Objects.requireNonNullElse(
                    wizard.problemOf(wizard.pageProperty().get()), "");
            default -> "";
        }, inputs.toArray(Observable[]::new)));
        problem.addListener((observable, before, after) -> {
            if (message.get().equals(before)) {
                message.set(after);
            }
        });
    }
}
