package org.auscult.app.training;

import static org.auscult.app.training.FormFields.integer;
import static org.auscult.app.training.FormFields.longInteger;

import java.util.List;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.auscult.learn.EvaluationOptions;
import org.auscult.learn.Protocol;

/** The wizard's Protocol page: how the design is evaluated, and the one seed of the folds and the model. */
public final class ProtocolPageViewModel {

    /**
     * The protocols the wizard offers: grouped k-fold (default), the 80/10/10 split, and leave-one-source-out (how
     * the design does on a device it has never heard; the collection needs two sources or more).
     */
    public static final List<Protocol> PROTOCOLS = List.of(Protocol.GROUPED_CV, Protocol.SPLIT,
            Protocol.LEAVE_SOURCE_OUT);

    private final int threads;
    private final ObjectProperty<Protocol> protocol = new SimpleObjectProperty<>(this, "protocol", Protocol.GROUPED_CV);
    private final StringProperty folds = new SimpleStringProperty(this, "folds");
    private final StringProperty repeats = new SimpleStringProperty(this, "repeats");
    private final StringProperty seed = new SimpleStringProperty(this, "seed");

    /** @param threads folds trained at once */
    ProtocolPageViewModel(int threads) {
        this.threads = threads;
        apply(EvaluationOptions.DEFAULTS);
    }

    /**
     * The evaluation of the page; the folds are read only for grouped cross-validation (the other protocols fix
     * their own), so a hidden field's text is never a problem.
     *
     * @throws org.auscult.dsp.ParameterException naming the field and the problem
     */
    public EvaluationOptions evaluation() {
        int foldCount = protocol.get() == Protocol.GROUPED_CV ? integer(folds, "Folds")
                : EvaluationOptions.DEFAULTS.folds();
        return new EvaluationOptions(protocol.get(), foldCount, integer(repeats, "Repeats"),
                longInteger(seed, "Seed"), threads);
    }

    /** Whether the protocol chosen reads the number of folds (grouped cross-validation only). */
    public BooleanBinding foldsApplyProperty() {
        return protocol.isEqualTo(Protocol.GROUPED_CV);
    }

    /** Fills the page from {@code evaluation}. */
    void apply(EvaluationOptions evaluation) {
        protocol.set(evaluation.protocol());
        folds.set(Integer.toString(evaluation.folds()));
        repeats.set(Integer.toString(evaluation.repeats()));
        seed.set(Long.toString(evaluation.seed()));
    }

    public ObjectProperty<Protocol> protocolProperty() {
        return protocol;
    }

    public StringProperty foldsProperty() {
        return folds;
    }

    public StringProperty repeatsProperty() {
        return repeats;
    }

    public StringProperty seedProperty() {
        return seed;
    }

    /** What keeps the protocol chosen from running on a collection of {@code summary}, or null. */
    String problemFor(org.auscult.experiments.DataSummary summary) {
        if (protocol.get() == Protocol.GROUPED_CV && summary != null) {
            return tooManyFolds(summary.patients());
        }
        if (protocol.get() != Protocol.LEAVE_SOURCE_OUT || summary == null || summary.sources().size() >= 2) {
            return null;
        }
        String only = summary.sources().isEmpty() ? "" : summary.sources().firstKey();
        return "Leave one source out needs recordings from two sources or more; " + (only.isEmpty()
                ? "this collection does not say where its recordings come from."
                : "all of this collection's recordings come from " + only + ".");
    }

    /** Why grouped k-fold cannot run with the folds typed on {@code patients} patients, or null. */
    private String tooManyFolds(int patients) {
        int foldCount;
        try {
            foldCount = Integer.parseInt(folds.get().strip());
        } catch (NumberFormatException e) {
            return null; // the field's own check names it
        }
        return foldCount <= patients ? null : "Grouped cross-validation needs at least as many patients as folds: "
                + "this collection has " + patients + (patients == 1 ? " patient" : " patients") + "; choose "
                + Math.max(2, patients) + " folds or fewer.";
    }
}
