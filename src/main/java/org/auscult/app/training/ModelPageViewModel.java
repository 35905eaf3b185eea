package org.auscult.app.training;

import static org.auscult.app.training.FormFields.decimal;
import static org.auscult.app.training.FormFields.integer;
import static org.auscult.app.training.FormFields.number;

import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.auscult.learn.Balancing;
import org.auscult.learn.BoostingOptions;
import org.auscult.experiments.DefaultRecipe;
import org.auscult.learn.ModelSpec;
import org.auscult.learn.Preset;
import org.auscult.learn.RandomForestOptions;
import org.auscult.learn.SmoOptions;
import org.auscult.learn.StackedOptions;

/** The wizard's Model page: the design, its balancing and the options a researcher most often changes. */
public final class ModelPageViewModel {

    /** The presets the wizard offers, the default first. */
    public static final List<Preset> PRESETS = List.of(Preset.RANDOM_FOREST, Preset.STACKED, Preset.SMO,
            Preset.LOGITBOOST, Preset.ADABOOST, Preset.VOTING);
    /** The balancings the wizard offers, in order of increasing intervention. */
    public static final List<Balancing> BALANCINGS = List.of(Balancing.values());

    private final ObjectProperty<Preset> preset = new SimpleObjectProperty<>(this, "preset", Preset.RANDOM_FOREST);
    private final ObjectProperty<Balancing> balancing = new SimpleObjectProperty<>(this, "balancing",
            DefaultRecipe.model().balancing());
    private final StringProperty trees = new SimpleStringProperty(this, "trees");
    private final StringProperty smoComplexity = new SimpleStringProperty(this, "smoComplexity");
    private final StringProperty boostingIterations = new SimpleStringProperty(this, "boostingIterations");
    private final StringProperty stackingFolds = new SimpleStringProperty(this, "stackingFolds");

    ModelPageViewModel() {
        apply(DefaultRecipe.model());
    }

    /** What the wizard calls a balancing. */
    public static String balancingLabel(Balancing balancing) {
        return switch (balancing) {
            case NONE -> "None (learn the class sizes as they are)";
            case CLASS_WEIGHTS -> "Class weights";
            case RESAMPLE -> "Balanced resampling";
            case COST_SENSITIVE -> "Cost-sensitive posterior";
            case CALIBRATED_THRESHOLDS -> "Calibrated thresholds";
            case SOURCE_AND_CLASS -> "Source and class weights (several devices)";
        };
    }

    /** The model of the page. @throws org.auscult.dsp.ParameterException naming the option and the problem */
    public ModelSpec modelSpec() {
        ModelSpec defaults = DefaultRecipe.model();
        int iterations = integer(boostingIterations, "Boosting iterations");
        return defaults.withPreset(preset.get()).withBalancing(balancing.get())
                .withForest(new RandomForestOptions(integer(trees, "Trees"), defaults.forest().featuresPerSplit(),
                        defaults.forest().maxDepth(), defaults.forest().seed()))
                .withSmo(new SmoOptions(decimal(smoComplexity, "SMO complexity C"), defaults.smo().kernel(),
                        defaults.smo().calibrate()))
                .withBoosting(new BoostingOptions(BoostingOptions.Kind.LOGITBOOST, iterations,
                                defaults.logitBoost().weakLearner(), defaults.logitBoost().shrinkage()),
                        new BoostingOptions(BoostingOptions.Kind.ADABOOST, iterations,
                                defaults.adaBoost().weakLearner(), defaults.adaBoost().shrinkage()))
                .withStacked(new StackedOptions(integer(stackingFolds, "Stacking folds"),
                        defaults.stacked().baseModels(), defaults.stacked().metaRidge()));
    }

    /** Fills the page from {@code model}. */
    void apply(ModelSpec model) {
        preset.set(model.preset());
        balancing.set(model.balancing());
        trees.set(Integer.toString(model.forest().trees()));
        smoComplexity.set(number(model.smo().c()));
        boostingIterations.set(Integer.toString(model.logitBoost().iterations()));
        stackingFolds.set(Integer.toString(model.stacked().folds()));
    }

    public ObjectProperty<Preset> presetProperty() {
        return preset;
    }

    public ObjectProperty<Balancing> balancingProperty() {
        return balancing;
    }

    public StringProperty treesProperty() {
        return trees;
    }

    public StringProperty smoComplexityProperty() {
        return smoComplexity;
    }

    public StringProperty boostingIterationsProperty() {
        return boostingIterations;
    }

    public StringProperty stackingFoldsProperty() {
        return stackingFolds;
    }
}
