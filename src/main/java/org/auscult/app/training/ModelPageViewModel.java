package org.auscult.app.training;

import static org.auscult.app.training.FormFields.decimal;
import static org.auscult.app.training.FormFields.integer;
import static org.auscult.app.training.FormFields.number;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
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
        return balancing.forPeople();
    }

    /** A setting of the page that only some designs read. */
    public enum Setting {
        TREES, SMO_COMPLEXITY, BOOSTING_ITERATIONS, STACKING_FOLDS
    }

    /**
     * Whether {@code design} reads {@code setting}: the forest's trees for a random forest and for the stacked and
     * voting designs (a forest is one of their base models), the SMO complexity for SMO and those two, the
     * boosting iterations for LogitBoost, AdaBoost and those two, the stacking folds for the stacked design only.
     */
    public static boolean applies(Setting setting, Preset design) {
        boolean ensemble = design == Preset.STACKED || design == Preset.VOTING;
        List<StackedOptions.BaseModel> base = DefaultRecipe.model().stacked().baseModels();
        return switch (setting) {
            case TREES -> design == Preset.RANDOM_FOREST
                    || ensemble && base.contains(StackedOptions.BaseModel.RANDOM_FOREST);
            case SMO_COMPLEXITY -> design == Preset.SMO || ensemble && base.contains(StackedOptions.BaseModel.SMO);
            case BOOSTING_ITERATIONS -> design == Preset.LOGITBOOST || design == Preset.ADABOOST
                    || ensemble && (base.contains(StackedOptions.BaseModel.LOGITBOOST)
                    || base.contains(StackedOptions.BaseModel.ADABOOST));
            case STACKING_FOLDS -> design == Preset.STACKED;
        };
    }

    /** Whether the design chosen reads {@code setting}; the view shows only the settings that apply. */
    public BooleanBinding appliesProperty(Setting setting) {
        return Bindings.createBooleanBinding(() -> applies(setting, preset.get()), preset);
    }

    /**
     * The model of the page. Only the settings the chosen design reads are read from their fields (a hidden
     * field's text is never a problem); the others keep the default recipe's values.
     *
     * @throws org.auscult.dsp.ParameterException naming the option and the problem
     */
    public ModelSpec modelSpec() {
        ModelSpec defaults = DefaultRecipe.model();
        Preset design = preset.get();
        int treeCount = applies(Setting.TREES, design) ? integer(trees, "Trees") : defaults.forest().trees();
        double c = applies(Setting.SMO_COMPLEXITY, design) ? decimal(smoComplexity, "SMO complexity C")
                : defaults.smo().c();
        int iterations = applies(Setting.BOOSTING_ITERATIONS, design)
                ? integer(boostingIterations, "Boosting iterations") : defaults.logitBoost().iterations();
        int folds = applies(Setting.STACKING_FOLDS, design) ? integer(stackingFolds, "Stacking folds")
                : defaults.stacked().folds();
        return defaults.withPreset(design).withBalancing(balancing.get())
                .withForest(new RandomForestOptions(treeCount, defaults.forest().featuresPerSplit(),
                        defaults.forest().maxDepth(), defaults.forest().seed()))
                .withSmo(new SmoOptions(c, defaults.smo().kernel(), defaults.smo().calibrate()))
                .withBoosting(new BoostingOptions(BoostingOptions.Kind.LOGITBOOST, iterations,
                                defaults.logitBoost().weakLearner(), defaults.logitBoost().shrinkage()),
                        new BoostingOptions(BoostingOptions.Kind.ADABOOST, iterations,
                                defaults.adaBoost().weakLearner(), defaults.adaBoost().shrinkage()))
                .withStacked(new StackedOptions(folds, defaults.stacked().baseModels(),
                        defaults.stacked().metaRidge()));
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
