package org.auscult.app.browser;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.auscult.library.Recording;

/**
 * One line of the recording browser. What the collection says is fixed; what is learnt later (format from the
 * header, the prediction, a reason the file cannot be read) arrives through properties.
 */
public final class RecordingRow {

    private final Recording recording;
    private final DoubleProperty duration = new SimpleDoubleProperty(this, "duration", Double.NaN);
    private final IntegerProperty sampleRate = new SimpleIntegerProperty(this, "sampleRate", 0);
    private final StringProperty predicted = new SimpleStringProperty(this, "predicted", "");
    private final DoubleProperty confidence = new SimpleDoubleProperty(this, "confidence", Double.NaN);
    private final StringProperty problem = new SimpleStringProperty(this, "problem", "");
    private final DoubleProperty signalQuality = new SimpleDoubleProperty(this, "signalQuality", Double.NaN);
    private final StringProperty murmurDescription = new SimpleStringProperty(this, "murmurDescription", "");
    private final javafx.beans.property.ObjectProperty<org.auscult.analysis.Verdict> verdict =
            new javafx.beans.property.SimpleObjectProperty<>(this, "verdict");

    public RecordingRow(Recording recording) {
        this.recording = recording;
        recording.metadata().entrySet().stream().filter(e -> e.getKey().equals("problem")).findFirst()
                .ifPresent(e -> problem.set(e.getValue()));
    }

    public Recording recording() {
        return recording;
    }

    public String name() {
        return recording.id();
    }

    /** The training label, or "" when the recording is unlabelled. */
    public String label() {
        return recording.label().orElse("");
    }

    public boolean labelled() {
        return recording.label().isPresent();
    }

    public String patient() {
        return recording.patient();
    }

    /** Seconds; NaN until the header was read. */
    public DoubleProperty durationProperty() {
        return duration;
    }

    /** Hz; 0 until the header was read. */
    public IntegerProperty sampleRateProperty() {
        return sampleRate;
    }

    /** The predicted class, "" until predicted. */
    public StringProperty predictedProperty() {
        return predicted;
    }

    /** Probability of the predicted class; NaN until predicted. */
    public DoubleProperty confidenceProperty() {
        return confidence;
    }

    /** Why the recording cannot be read or used, "" when nothing is wrong. */
    public StringProperty problemProperty() {
        return problem;
    }

    /**
     * The signal-quality index of its heart cycle (0-1, {@code org.auscult.segmentation.SignalQuality}); NaN until
     * measured, or when the model's analysis does not measure it.
     */
    public DoubleProperty signalQualityProperty() {
        return signalQuality;
    }

    public boolean unreadable() {
        return !problem.get().isEmpty() && sampleRate.get() == 0;
    }

    /** The model's whole verdict on it, once the collection's scan or the window judged it; null before. */
    public javafx.beans.property.ObjectProperty<org.auscult.analysis.Verdict> verdictProperty() {
        return verdict;
    }

    /**
     * Shows {@code judged} as this recording's verdict (the verdict, its class and its confidence), with the
     * signal-quality index of its heart cycle (NaN when not measured) and its murmur described ("" when not).
     */
    public void showVerdict(org.auscult.analysis.Verdict judged, double quality, String murmur) {
        verdict.set(judged);
        predictedProperty().set(judged.predictedClass());
        confidenceProperty().set(judged.confidence());
        signalQuality.set(quality);
        murmurDescription.set(murmur);
    }

    /** The murmur described for a murmur verdict, for people ("Holosystolic (83 %), ..."); "" when none is. */
    public StringProperty murmurDescriptionProperty() {
        return murmurDescription;
    }
}
