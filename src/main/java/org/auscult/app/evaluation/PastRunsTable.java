package org.auscult.app.evaluation;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableView;
import org.auscult.app.table.TableColumns;
import org.auscult.experiments.Experiment;
import org.auscult.labels.LabelClasses;

/**
 * Every kept run side by side: when, the design, the protocol and seed, the data fingerprint, the headline metrics
 * and per-class F1, and the model file when it was saved. Several rows can be selected to compare them.
 */
public final class PastRunsTable extends TableView<Experiment> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    public PastRunsTable() {
        setId("past-runs");
        getColumns().add(TableColumns.of("Finished", experiment -> TIME.format(experiment.created())));
        getColumns().add(TableColumns.of("Model", experiment -> experiment.settings().model().preset().forPeople()
                + ", " + experiment.settings().model().balancing().forPeople().toLowerCase(Locale.ROOT)));
        getColumns().add(TableColumns.of("Protocol", experiment -> experiment.settings().evaluation().forPeople()));
        getColumns().add(TableColumns.of("Data", experiment -> experiment.dataFingerprint().substring(0,
                Math.min(8, experiment.dataFingerprint().length()))));
        getColumns().add(TableColumns.of("Accuracy", experiment -> ClassMetricsTable.format(experiment.accuracy())));
        getColumns().add(TableColumns.of("Bal. acc.",
                experiment -> ClassMetricsTable.format(experiment.balancedAccuracy())));
        getColumns().add(TableColumns.of("Macro-F1", experiment -> ClassMetricsTable.format(experiment.macroF1())));
        getColumns().add(TableColumns.of("F1 per class", PastRunsTable::perClassF1));
        getColumns().add(TableColumns.of("Model file", Experiment::modelPath));
        getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        setPlaceholder(new javafx.scene.control.Label("No runs kept yet"));
    }

    private static String perClassF1(Experiment experiment) {
        StringBuilder text = new StringBuilder();
        var confusion = experiment.confusion();
        for (int c = 0; c < confusion.numClasses(); c++) {
            if (c > 0) {
                text.append("  ");
            }
            text.append(LabelClasses.forPeople(confusion.classNames().get(c))).append(' ').append(ClassMetricsTable.format(confusion.f1(c)));
        }
        return text.toString();
    }
}
