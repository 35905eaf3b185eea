package org.auscult.learn;

import java.util.Set;

/**
 * The exact classes a model file may hold: every class named by the model files of every design the project can
 * build ({@code ModelDesigns} in the tests trains each and records what its stream names), and nothing else: no
 * package prefixes, so a Weka or JDK class that reads files, opens URLs or runs code on deserialisation cannot
 * slip in because it sits in an allowed package.
 *
 * <p>Array classes are allowed when their element class is (arrays of primitives always). Strings and enum
 * names travel as strings and need no entry. A design added to {@link ModelFactory} that needs a class missing
 * here fails {@code ModelClassesTest}, which lists the classes to add, after reviewing that none of them reads
 * anything when rebuilt or used.
 *
 * <p>Never to be added, whatever a design needs (checked by {@code ModelClassesTest}): Weka's {@code
 * InputMappedClassifier} and {@code SerializedClassifier} (they read another model file, by plain Java
 * deserialisation, when first used), any class with a file, URL, path, stream or script among its fields.
 */
final class ModelClasses {

    /** Allowed classes by binary name; see the class comment for how the list is made. */
    static final Set<String> ALLOWED = Set.of(
            // The JDK: collections, the random generator and boxed numbers in Weka models and in our records.
            "java.lang.Enum",
            "java.lang.Integer",
            "java.lang.Number",
            "java.util.ArrayList",
            "java.util.BitSet",
            "java.util.CollSer",
            "java.util.Collections$UnmodifiableMap",
            "java.util.Collections$UnmodifiableSortedMap",
            "java.util.HashMap",
            "java.util.Hashtable",
            "java.util.LinkedHashMap",
            "java.util.Random",
            "java.util.TreeMap",
            // Weka: the classifiers, trees, kernels and filters of the designs ModelFactory builds, their superclasses, and
            // the data structures they keep (headers, attributes, instances).
            "weka.classifiers.AbstractClassifier",
            "weka.classifiers.Classifier",
            "weka.classifiers.IteratedSingleClassifierEnhancer",
            "weka.classifiers.MultipleClassifiersCombiner",
            "weka.classifiers.ParallelIteratedSingleClassifierEnhancer",
            "weka.classifiers.ParallelMultipleClassifiersCombiner",
            "weka.classifiers.RandomizableIteratedSingleClassifierEnhancer",
            "weka.classifiers.RandomizableMultipleClassifiersCombiner",
            "weka.classifiers.RandomizableParallelIteratedSingleClassifierEnhancer",
            "weka.classifiers.RandomizableParallelMultipleClassifiersCombiner",
            "weka.classifiers.RandomizableSingleClassifierEnhancer",
            "weka.classifiers.SingleClassifierEnhancer",
            "weka.classifiers.functions.Logistic",
            "weka.classifiers.functions.SMO",
            "weka.classifiers.functions.SMO$BinarySMO",
            "weka.classifiers.functions.supportVector.CachedKernel",
            "weka.classifiers.functions.supportVector.Kernel",
            "weka.classifiers.functions.supportVector.PolyKernel",
            "weka.classifiers.functions.supportVector.RBFKernel",
            "weka.classifiers.functions.supportVector.SMOset",
            "weka.classifiers.meta.AdaBoostM1",
            "weka.classifiers.meta.Bagging",
            "weka.classifiers.meta.FilteredClassifier",
            "weka.classifiers.meta.LogitBoost",
            "weka.classifiers.meta.MultiClassClassifier",
            "weka.classifiers.meta.Stacking",
            "weka.classifiers.meta.Vote",
            "weka.classifiers.rules.ZeroR",
            "weka.classifiers.trees.DecisionStump",
            "weka.classifiers.trees.J48",
            "weka.classifiers.trees.REPTree",
            "weka.classifiers.trees.REPTree$Tree",
            "weka.classifiers.trees.RandomForest",
            "weka.classifiers.trees.RandomTree",
            "weka.classifiers.trees.RandomTree$Tree",
            "weka.classifiers.trees.j48.C45ModelSelection",
            "weka.classifiers.trees.j48.C45PruneableClassifierTree",
            "weka.classifiers.trees.j48.C45Split",
            "weka.classifiers.trees.j48.ClassifierSplitModel",
            "weka.classifiers.trees.j48.ClassifierTree",
            "weka.classifiers.trees.j48.Distribution",
            "weka.classifiers.trees.j48.ModelSelection",
            "weka.classifiers.trees.j48.NoSplit",
            "weka.core.AbstractInstance",
            "weka.core.Attribute",
            "weka.core.AttributeLocator",
            "weka.core.DenseInstance",
            "weka.core.Instances",
            "weka.core.NominalAttributeInfo",
            "weka.core.Queue",
            "weka.core.Range",
            "weka.core.RelationalLocator",
            "weka.core.SingleIndex",
            "weka.core.StringLocator",
            "weka.filters.Filter",
            "weka.filters.SimpleBatchFilter",
            "weka.filters.SimpleFilter",
            "weka.filters.supervised.instance.ClassBalancer",
            "weka.filters.supervised.instance.Resample",
            "weka.filters.unsupervised.attribute.MakeIndicator",
            "weka.filters.unsupervised.attribute.NominalToBinary",
            "weka.filters.unsupervised.attribute.PotentialClassIgnorer",
            "weka.filters.unsupervised.attribute.Remove",
            "weka.filters.unsupervised.attribute.RemoveUseless",
            "weka.filters.unsupervised.attribute.ReplaceMissingValues",
            "weka.filters.unsupervised.attribute.Standardize",
            // Auscult: the model record and what it holds.
            "org.auscult.learn.Balancing",
            "org.auscult.learn.BoostingOptions",
            "org.auscult.learn.BoostingOptions$Kind",
            "org.auscult.learn.BoostingOptions$WeakLearner",
            "org.auscult.learn.CalibratedThresholds",
            "org.auscult.learn.ClassMerging",
            "org.auscult.learn.CostSensitivePosterior",
            "org.auscult.learn.SizedKernelCache$Polynomial",
            "org.auscult.learn.SizedKernelCache$Rbf",
            "org.auscult.learn.SourceClassBalancer",
            "org.auscult.learn.CompactForest",
            "org.auscult.learn.EvaluationResult",
            "org.auscult.learn.FeatureDistribution",
            "org.auscult.learn.FollowUpScreen",
            "org.auscult.learn.FollowUpScreen$Basis",
            "org.auscult.learn.ModelSpec",
            "org.auscult.learn.Prediction",
            "org.auscult.learn.Preset",
            "org.auscult.learn.RandomForestOptions",
            "org.auscult.learn.SmoKernel$Polynomial",
            "org.auscult.learn.SmoKernel$Rbf",
            "org.auscult.learn.SmoOptions",
            "org.auscult.learn.StackedOptions",
            "org.auscult.learn.StackedOptions$BaseModel",
            "org.auscult.learn.ThresholdObjective",
            "org.auscult.learn.TrainedModel",
            "org.auscult.learn.TrainingProfile");

    /**
     * What Java deserialisation itself shows the filter beyond the classes in the stream, in the designs' model
     * files: the immutable lists {@code java.util.CollSer} resolves to, and the arrays collections allocate for
     * their contents. A stream may not name these itself ({@link #allowed} refuses them).
     */
    static final Set<String> REBUILT = Set.of(
            "java.util.ImmutableCollections$List12",
            "java.util.ImmutableCollections$ListN",
            "[Ljava.lang.Object;",
            "[Ljava.util.Map$Entry;");

    /** Classes that read something when used, refused even if a future list named them. */
    static final Set<String> NEVER = Set.of(
            "weka.classifiers.misc.InputMappedClassifier",
            "weka.classifiers.misc.SerializedClassifier");

    private ModelClasses() {
    }

    /** Whether a model stream may name the class {@code name} (never an array). */
    static boolean allowed(String name) {
        return ALLOWED.contains(name) && !NEVER.contains(name);
    }

    /**
     * Whether Java deserialisation may create {@code type} while rebuilding a model: a class or array class named
     * in the stream and allowed, an array of primitives, or one of {@link #REBUILT}.
     */
    static boolean allowedWhenRebuilt(Class<?> type) {
        if (REBUILT.contains(type.getName())) {
            return true;
        }
        Class<?> element = type;
        while (element.isArray()) {
            element = element.getComponentType();
        }
        return element.isPrimitive() || allowed(element.getName());
    }
}
