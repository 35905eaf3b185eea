package org.auscult.app.features;

import org.auscult.analysis.ReferenceSet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.auscult.features.FeatureSet;
import org.auscult.learn.FeatureDistribution;

/**
 * Feature inspection: the recording's summary features, each placed within the distribution of every reference
 * class, and its per-frame series for the curves drawn under the waveform. The reference is the model's training
 * data when the model describes it ({@link ReferenceSet#fromProfile}), else the open collection's labelled
 * recordings.
 */
public final class FeatureInspectionViewModel {

    /** One summary feature of the recording and where it sits in each class ("murmur 73 %"). */
    public record Row(int index, String name, double value, String placement) {
    }

    private final ObjectProperty<FeatureSet> features = new SimpleObjectProperty<>(this, "features");
    private final ObjectProperty<ReferenceSet> reference = new SimpleObjectProperty<>(this, "reference");
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final IntegerProperty selectedFeature = new SimpleIntegerProperty(this, "selectedFeature", 0);
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper(this, "caption", caption(null));

    public FeatureInspectionViewModel() {
        features.addListener((observable, before, after) -> rebuildRows());
        reference.addListener((observable, before, after) -> {
            caption.set(caption(after));
            rebuildRows();
        });
    }

    /** Says where the class distributions come from: the model's training data or the open collection. */
    static String caption(ReferenceSet reference) {
        if (reference == null) {
            return "Class distributions appear once the collection's labelled recordings are analysed.";
        }
        return "Class distributions from " + reference.source() + ".";
    }

    private void rebuildRows() {
        FeatureSet set = features.get();
        if (set == null) {
            rows.clear();
            return;
        }
        ReferenceSet ref = reference.get();
        List<Row> built = new ArrayList<>();
        List<String> names = set.summary().names();
        double[] values = set.summary().values();
        for (int i = 0; i < names.size(); i++) {
            built.add(new Row(i, names.get(i), values[i], placement(ref, names.get(i), values[i])));
        }
        rows.setAll(built);
    }

    /** Percentile of the value in each class of the reference, e.g. "murmur 73 %, normal 12 %". */
    static String placement(ReferenceSet ref, String name, double value) {
        if (ref == null) {
            return "";
        }
        int index = ref.featureNames().indexOf(name);
        if (index < 0) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (String label : ref.classes()) {
            FeatureDistribution distribution = ref.distribution(label, index);
            if (distribution.count() > 0) {
                parts.add(String.format(Locale.ROOT, "%s %.0f %%", label, 100 * distribution.percentile(value)));
            }
        }
        return String.join(", ", parts);
    }

    /** Per class, the distribution of the selected feature in the reference (empty without one). */
    public Map<String, FeatureDistribution> selectedDistributions() {
        Map<String, FeatureDistribution> result = new LinkedHashMap<>();
        ReferenceSet ref = reference.get();
        FeatureSet set = features.get();
        if (ref == null || set == null) {
            return result;
        }
        int index = ref.featureNames().indexOf(selectedName());
        if (index >= 0) {
            ref.classes().forEach(label -> result.put(label, ref.distribution(label, index)));
        }
        return result;
    }

    /** Name of the selected summary feature, "" when none. */
    public String selectedName() {
        FeatureSet set = features.get();
        int index = selectedFeature.get();
        return set == null || index < 0 || index >= set.summary().size() ? "" : set.summary().names().get(index);
    }

    /** Value of the selected summary feature, NaN when none. */
    public double selectedValue() {
        FeatureSet set = features.get();
        int index = selectedFeature.get();
        return set == null || index < 0 || index >= set.summary().size() ? Double.NaN : set.summary().values()[index];
    }

    public ObjectProperty<FeatureSet> featuresProperty() {
        return features;
    }

    public ObjectProperty<ReferenceSet> referenceProperty() {
        return reference;
    }

    /** "Class distributions from the model's 832 training recordings." or from the open collection. */
    public ReadOnlyStringProperty captionProperty() {
        return caption.getReadOnlyProperty();
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public IntegerProperty selectedFeatureProperty() {
        return selectedFeature;
    }
}
