package org.auscult.app.verdict;

import java.util.Locale;
import org.auscult.analysis.Verdict;
import org.auscult.app.controls.Labels;
import org.auscult.labels.LabelClasses;

import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The verdict: predicted class in large type; every class by name with its probability as a bar and a number (a
 * chart axis drops the names of small bars when space is short); the probability that the recording needs a
 * clinician's follow-up; the model used; warnings.
 */
public final class VerdictView extends VBox {

    private final VerdictViewModel model;
    private final Label headline = new Label();
    private final Label modelLabel = new Label();
    private final Label murmur = new Label();
    private final Label followUp = new Label();
    private final MurmurEnvelopeChart murmurEnvelope = new MurmurEnvelopeChart();
    private final GridPane probabilities = new GridPane();
    /** Height of the warnings list with warnings, and without (its "No warnings" line). */
    private static final double WARNINGS_HEIGHT = 90;
    private static final double EMPTY_WARNINGS_HEIGHT = 30;

    private final ListView<String> warnings = new ListView<>();

    public VerdictView(VerdictViewModel model) {
        super(4);
        this.model = model;
        setId("verdict");
        headline.setId("verdict-headline");
        headline.getStyleClass().add("verdict-headline");
        headline.textProperty().bind(model.headlineProperty());
        headline.setWrapText(true);
        modelLabel.setId("verdict-model");
        Labels.wrapping(modelLabel);
        modelLabel.getStyleClass().add("hint-text");
        modelLabel.textProperty().bind(model.modelProperty());
        followUp.setId("verdict-follow-up");
        Labels.wrapping(followUp);
        followUp.textProperty().bind(model.followUpProperty());
        followUp.visibleProperty().bind(model.followUpProperty().isNotEmpty());
        followUp.managedProperty().bind(followUp.visibleProperty());
        followUp.setTooltip(new Tooltip("Yes when the follow-up probability reaches the model's threshold, chosen "
                + "on the model's own cross-validation (classify prints what for)"));
        murmur.setId("verdict-murmur");
        Labels.wrapping(murmur);
        murmur.textProperty().bind(model.murmurProperty());
        murmur.visibleProperty().bind(model.murmurProperty().isNotEmpty());
        murmur.managedProperty().bind(murmur.visibleProperty());
        murmurEnvelope.show(model.murmurEnvelopeProperty().get());
        model.murmurEnvelopeProperty().addListener((property, old, envelope) -> murmurEnvelope.show(envelope));
        probabilities.setId("verdict-probabilities");
        probabilities.setHgap(6);
        probabilities.setVgap(2);
        ColumnConstraints bar = new ColumnConstraints();
        bar.setHgrow(Priority.ALWAYS);
        probabilities.getColumnConstraints().addAll(new ColumnConstraints(), bar, new ColumnConstraints());
        Tooltip.install(probabilities, new Tooltip("The model's probability for every class"));
        warnings.setId("verdict-warnings");
        warnings.setItems(model.warnings());
        // one line when there is nothing to say, so the tabs below keep the room on a laptop's screen
        warnings.prefHeightProperty().bind(javafx.beans.binding.Bindings.when(
                javafx.beans.binding.Bindings.isEmpty(model.warnings())).then(EMPTY_WARNINGS_HEIGHT)
                .otherwise(WARNINGS_HEIGHT));
        warnings.setPlaceholder(new Label("No warnings"));
        warnings.getStyleClass().add("warnings");
        warnings.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setWrapText(true);
                setPrefWidth(0);
                setTooltip(empty ? null : new Tooltip(item));
            }
        });
        model.verdictProperty().addListener((observable, before, after) -> showBars(after));
        getChildren().addAll(headline, followUp, probabilities, murmur, murmurEnvelope, modelLabel, warnings);
    }

    private void showBars(Verdict verdict) {
        probabilities.getChildren().clear();
        if (verdict == null || !verdict.judged()) {
            return;
        }
        double[] p = verdict.probabilities();
        int row = 0;
        for (int c = 0; c < p.length; c++) {
            String name = verdict.classNames().get(c);
            addRow(row++, LabelClasses.forPeople(name), p[c], "probability-" + name);
        }
        if (verdict.classNames().contains("normal") && p.length > 2) {
            addRow(row, "needs follow-up (all but normal, artifact)", verdict.followUpProbability(),
                    "probability-follow-up");
        }
    }

    private void addRow(int row, String name, double probability, String id) {
        Label label = new Label(name);
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ProgressBar bar = new ProgressBar(probability);
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.setPrefWidth(60);
        Label value = new Label(String.format(Locale.ROOT, "%.2f", probability));
        value.setId(id);
        value.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        probabilities.addRow(row, label, bar, value);
    }
}
