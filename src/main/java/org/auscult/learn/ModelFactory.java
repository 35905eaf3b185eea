package org.auscult.learn;

import java.util.List;

import weka.classifiers.Classifier;
import weka.classifiers.functions.Logistic;
import weka.classifiers.functions.SMO;
import weka.classifiers.functions.supportVector.Kernel;
import weka.classifiers.functions.supportVector.PolyKernel;
import weka.classifiers.functions.supportVector.RBFKernel;
import weka.classifiers.meta.AdaBoostM1;
import weka.classifiers.meta.FilteredClassifier;
import weka.classifiers.meta.LogitBoost;
import weka.classifiers.meta.MultiClassClassifier;
import weka.classifiers.meta.Stacking;
import weka.classifiers.meta.Vote;
import weka.classifiers.trees.DecisionStump;
import weka.classifiers.trees.J48;
import weka.classifiers.trees.REPTree;
import weka.classifiers.trees.RandomForest;
import weka.core.OptionHandler;
import weka.core.SelectedTag;
import weka.core.Utils;
import weka.filters.Filter;
import weka.filters.supervised.instance.ClassBalancer;
import weka.filters.supervised.instance.Resample;
import weka.filters.unsupervised.attribute.Standardize;

/**
 * Builds the Weka classifier a {@link ModelSpec} describes: fresh and unbuilt, every randomised part seeded from
 * the spec's seed. Everything the model needs at prediction time (standardisation, balancing) is inside the
 * returned classifier, so it travels with a saved model.
 *
 * <ul>
 *   <li>{@link Preset#RANDOM_FOREST}: {@code RandomForest} ({@link RandomForestOptions}).</li>
 *   <li>{@link Preset#SMO}: {@code FilteredClassifier(Standardize, SMO)}: the SVM sees z-scores {@code (x - mean)
 *       / sd} of the training rows, and calibrated probabilities ({@link SmoOptions}).</li>
 *   <li>{@link Preset#LOGITBOOST}, {@link Preset#ADABOOST}: the booster over its weak learner ({@link
 *       BoostingOptions}).</li>
 *   <li>{@link Preset#STACKED}: {@code Stacking} of the {@link StackedOptions#baseModels()} (by default the random
 *       forest, the calibrated SMO, LogitBoost over stumps and AdaBoost.M1 over C4.5 trees) under {@code
 *       MultiClassClassifier(Logistic)}, one-against-all.</li>
 *   <li>{@link Preset#VOTING}: {@code Vote} averaging the same base models' posteriors.</li>
 * </ul>
 * The {@link Balancing} then wraps the whole: {@code FilteredClassifier(ClassBalancer)}, {@code
 * FilteredClassifier(Resample -B 1)}, {@link CostSensitivePosterior}, {@link CalibratedThresholds} or {@link
 * SourceClassBalancer}.
 */
public final class ModelFactory {

    // Component tags for seed derivation: each randomised part draws from its own stream of the master seed.
    private static final long FOREST = 1, SMO_SEED = 2, LOGITBOOST = 3, ADABOOST = 4, STACKING = 5, VOTING = 6,
            RESAMPLE = 7, WEAK_LEARNER = 8,
            CALIBRATION = 9, SOURCE_BALANCE = 10;

    private ModelFactory() {
    }

    /** A fresh, unbuilt classifier for {@code spec}. */
    public static Classifier build(ModelSpec spec) {
        Classifier model = switch (spec.preset()) {
            case STACKED -> stacking(spec);
            case RANDOM_FOREST -> forest(spec.forest(), Seeds.intSeed(spec.seed(), FOREST, spec.forest().seed()));
            case SMO -> smo(spec);
            case LOGITBOOST -> logitBoost(spec);
            case ADABOOST -> adaBoost(spec);
            case VOTING -> voting(spec);
        };
        return balanced(model, spec);
    }

    /** The Weka command line of a classifier (class name and options), for logs and reports. */
    public static String describe(Classifier classifier) {
        return classifier instanceof OptionHandler ? Utils.toCommandLine(classifier) : classifier.getClass().getName();
    }

    static RandomForest forest(RandomForestOptions options, int seed) {
        RandomForest forest = new RandomForest();
        forest.setNumIterations(options.trees());
        forest.setNumFeatures(options.featuresPerSplit());
        forest.setMaxDepth(options.maxDepth());
        forest.setSeed(seed);
        // Each bootstrap sample as its distinct rows weighted by their count: the same trees from fewer rows.
        forest.setRepresentCopiesUsingWeights(true);
        // Parallelism comes from running folds concurrently; Weka's own slots gave no speed-up.
        forest.setNumExecutionSlots(1);
        return forest;
    }

    private static Classifier smo(ModelSpec spec) {
        SmoOptions options = spec.smo();
        SMO smo = new SMO();
        smo.setC(options.c());
        smo.setKernel(kernel(options.kernel()));
        smo.setBuildCalibrationModels(options.calibrate());
        smo.setRandomSeed(Seeds.intSeed(spec.seed(), SMO_SEED));
        // Standardised by the enclosing filter instead, so the scaling is explicit and shared by every kernel.
        smo.setFilterType(new SelectedTag(SMO.FILTER_NONE, SMO.TAGS_FILTER));
        return filtered(new Standardize(), smo);
    }

    private static Kernel kernel(SmoKernel kernel) {
        if (kernel instanceof SmoKernel.Rbf rbf) {
            RBFKernel rbfKernel = new SizedKernelCache.Rbf();
            rbfKernel.setGamma(rbf.gamma());
            return rbfKernel;
        }
        PolyKernel polyKernel = new SizedKernelCache.Polynomial();
        polyKernel.setExponent(((SmoKernel.Polynomial) kernel).exponent());
        return polyKernel;
    }

    private static Classifier logitBoost(ModelSpec spec) {
        BoostingOptions options = spec.logitBoost();
        LogitBoost boost = new LogitBoost();
        boost.setNumIterations(options.iterations());
        boost.setShrinkage(options.shrinkage());
        boost.setClassifier(weakLearner(options.weakLearner(), spec, LOGITBOOST));
        boost.setSeed(Seeds.intSeed(spec.seed(), LOGITBOOST));
        return boost;
    }

    private static Classifier adaBoost(ModelSpec spec) {
        BoostingOptions options = spec.adaBoost();
        AdaBoostM1 boost = new AdaBoostM1();
        boost.setNumIterations(options.iterations());
        boost.setClassifier(weakLearner(options.weakLearner(), spec, ADABOOST));
        boost.setSeed(Seeds.intSeed(spec.seed(), ADABOOST));
        return boost;
    }

    private static Classifier weakLearner(BoostingOptions.WeakLearner learner, ModelSpec spec, long booster) {
        int seed = Seeds.intSeed(spec.seed(), booster, WEAK_LEARNER);
        return switch (learner) {
            case DECISION_STUMP -> new DecisionStump();
            case REP_TREE -> {
                REPTree tree = new REPTree();
                tree.setSeed(seed);
                yield tree;
            }
            case J48 -> new J48();
            case RANDOM_FOREST -> forest(spec.forest(), Seeds.intSeed(seed, spec.forest().seed()));
        };
    }

    private static Classifier[] baseModels(ModelSpec spec) {
        List<StackedOptions.BaseModel> models = spec.stacked().baseModels();
        Classifier[] classifiers = new Classifier[models.size()];
        for (int i = 0; i < classifiers.length; i++) {
            classifiers[i] = switch (models.get(i)) {
                case RANDOM_FOREST -> forest(spec.forest(), Seeds.intSeed(spec.seed(), FOREST, spec.forest().seed()));
                case SMO -> smo(spec);
                case LOGITBOOST -> logitBoost(spec);
                case ADABOOST -> adaBoost(spec);
            };
        }
        return classifiers;
    }

    private static Classifier stacking(ModelSpec spec) {
        Logistic logistic = new Logistic();
        logistic.setRidge(spec.stacked().metaRidge());
        MultiClassClassifier oneVersusRest = new MultiClassClassifier();
        oneVersusRest.setClassifier(logistic);
        oneVersusRest.setMethod(new SelectedTag(MultiClassClassifier.METHOD_1_AGAINST_ALL,
                MultiClassClassifier.TAGS_METHOD));
        Stacking stacking = new Stacking();
        stacking.setClassifiers(baseModels(spec));
        stacking.setMetaClassifier(oneVersusRest);
        try {
            stacking.setNumFolds(spec.stacked().folds());
        } catch (Exception e) { // declared by Weka; only refuses folds < 0, which StackedOptions rules out
            throw new IllegalStateException(e);
        }
        stacking.setSeed(Seeds.intSeed(spec.seed(), STACKING));
        stacking.setNumExecutionSlots(1);
        return stacking;
    }

    private static Classifier voting(ModelSpec spec) {
        Vote vote = new Vote();
        vote.setClassifiers(baseModels(spec));
        vote.setCombinationRule(new SelectedTag(Vote.AVERAGE_RULE, Vote.TAGS_RULES));
        vote.setSeed(Seeds.intSeed(spec.seed(), VOTING));
        return vote;
    }

    private static Classifier balanced(Classifier model, ModelSpec spec) {
        return switch (spec.balancing()) {
            case NONE -> model;
            case CLASS_WEIGHTS -> filtered(new ClassBalancer(), model);
            case RESAMPLE -> {
                Resample resample = new Resample();
                resample.setBiasToUniformClass(1.0);
                resample.setSampleSizePercent(100);
                resample.setNoReplacement(false);
                resample.setRandomSeed(Seeds.intSeed(spec.seed(), RESAMPLE));
                yield filtered(resample, model);
            }
            case COST_SENSITIVE -> new CostSensitivePosterior(model, spec.priorCorrection());
            case CALIBRATED_THRESHOLDS -> new CalibratedThresholds(model, spec.thresholdObjective(),
                    Seeds.intSeed(spec.seed(), CALIBRATION));
            case SOURCE_AND_CLASS -> new SourceClassBalancer(model, Seeds.intSeed(spec.seed(), SOURCE_BALANCE));
        };
    }

    private static FilteredClassifier filtered(Filter filter, Classifier model) {
        FilteredClassifier filtered = new FilteredClassifier();
        filtered.setFilter(filter);
        filtered.setClassifier(model);
        return filtered;
    }
}
