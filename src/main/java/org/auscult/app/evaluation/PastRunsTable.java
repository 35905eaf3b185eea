package org.auscult.app.evaluation;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.auscult.app.table.TableColumns;
import org.auscult.experiments.Experiment;
import org.auscult.labels.LabelClasses;

/**
 * Every kept run side by side: when, the design, the protocol and seed, and the headline metrics; {@link
 * #details(Experiment)} gives the rest of a run (the data fingerprint, F1 per class, the model file) for a line
 * under the table. Several rows can be selected to compare them. The columns share the table's width.
 */
public final class PastRunsTable extends TableView<Experiment> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    public PastRunsTable() {
        setId("past-runs");
        getColumns().add(column("Finished", 140, experiment -> TIME.format(experiment.created())));
        getColumns().add(column("Model", 330, experiment -> experiment.settings().model().preset().forPeople()
                + ", " + experiment.settings().model().balancing().forPeople().toLowerCase(Locale.ROOT)));
        getColumns().add(column("Protocol", 360, experiment -> experiment.settings().evaluation().forPeople()));
        getColumns().add(column("Accuracy", 80, experiment -> ClassMetricsTable.format(experiment.accuracy())));
        getColumns().add(column("Bal. acc.", 80,
                experiment -> ClassMetricsTable.format(experiment.balancedAccuracy())));
        getColumns().add(column("Macro-F1", 80, experiment -> ClassMetricsTable.format(experiment.macroF1())));
        getColumns().forEach(column -> column.setMinWidth(60));
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        setPlaceholder(new javafx.scene.control.Label("No runs kept yet"));
    }

    private static TableColumn<Experiment, String> column(String title, double width,
                                                          java.util.function.Function<Experiment, String> value) {
        TableColumn<Experiment, String> column = TableColumns.of(title, value);
        column.setPrefWidth(width);
        return column;
    }

    /** The rest of a run, for people: "Data 1a2b3c4d · F1 per class: normal 0.812, murmur 0.640 · model not saved". */
    public static String details(Experiment experiment) {
        String fingerprint = experiment.dataFingerprint().substring(0, Math.min(8,
                experiment.dataFingerprint().length()));
        return "Data " + fingerprint + " · F1 per class: " + perClassF1(experiment) + " · "
                + (experiment.modelPath().isEmpty() ? "model not saved" : "model saved to " + experiment.modelPath());
    }

    private static String perClassF1(Experiment experiment) {
        var confusion = experiment.confusion();
        List<String> parts = new java.util.ArrayList<>();
        for (int c = 0; c < confusion.numClasses(); c++) {
            parts.add(LabelClasses.forPeople(confusion.classNames().get(c)) + " "
                    + ClassMetricsTable.format(confusion.f1(c)));
        }
        return String.join(", ", parts);
    }
}
