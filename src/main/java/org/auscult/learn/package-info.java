/**
 * Learning: Weka models trained on a feature table, evaluated honestly, and kept in model files.
 *
 * <ul>
 *   <li>Data: {@link org.auscult.learn.LabelledDataset}, one row per recording with its class, patient (group)
 *       and source, converted to Weka {@code Instances} with the nominal class last; a SHA-256 fingerprint
 *       identifies the training data.</li>
 *   <li>Models: {@link org.auscult.learn.ModelSpec} (a {@link org.auscult.learn.Preset}, validated option records
 *       for each component, a {@link org.auscult.learn.Balancing} and a seed) and {@link
 *       org.auscult.learn.ModelFactory}, which builds the Weka classifier. The reference design stacks a random
 *       forest, a calibrated SVM, LogitBoost and AdaBoost.M1 under one-vs-rest logistic regression. Class
 *       imbalance is met with balanced weights {@code w_c = N / (K n_c)}: as instance weights, as resampling, or
 *       as the cost-sensitive posterior {@code p'_c = w_c p_c / sum_k w_k p_k}
 *       ({@link org.auscult.learn.CostSensitivePosterior}); or by threshold calibration, {@code p'_c = t_c p_c /
 *       sum_k t_k p_k} with multipliers {@code t_c} fitted to the out-of-fold macro-F1 (or balanced accuracy) of an
 *       inner patient-grouped cross-validation ({@link org.auscult.learn.CalibratedThresholds}; the patients reach
 *       it through {@link org.auscult.learn.GroupedTraining}).</li>
 *   <li>Evaluation: {@link org.auscult.learn.Folds} plans patient-grouped stratified k-fold cross-validation, the
 *       80/10/10 split and leave-one-source-out; {@link org.auscult.learn.Evaluator} trains the folds in parallel,
 *       publishes each finished fold and can be cancelled; {@link org.auscult.learn.EvaluationResult} holds every
 *       out-of-fold prediction and derives the metrics from {@link org.auscult.learn.ConfusionMatrix}: accuracy
 *       {@code sum_c tp_c / N}, balanced accuracy {@code mean_c recall_c}, macro-F1 {@code mean_c 2 P_c R_c / (P_c +
 *       R_c)}, and for two classes sensitivity, specificity and their mean (the PhysioNet 2016 score). {@link
 *       org.auscult.learn.SourceCheck} measures how well the features identify the recording source.</li>
 *   <li>Keeping a model: {@link org.auscult.learn.Trainer} builds a {@link org.auscult.learn.TrainedModel} (the
 *       classifier with its class and feature names, feature configuration, data fingerprint, evaluation and
 *       versions); {@link org.auscult.learn.ModelFile} saves it atomically and loads it through a deserialisation
 *       allow-list.</li>
 *   <li>Knowing the training data: a {@link org.auscult.learn.TrainingProfile} in the model describes what it was
 *       trained on, per class the {@link org.auscult.learn.FeatureDistribution} (count, min, p05, p25, median,
 *       p75, p95, max, mean, sample standard deviation) of every feature, and the native sample rates, durations
 *       and levels ({@link org.auscult.learn.RecordingFacts}) of the training recordings.</li>
 * </ul>
 *
 * <p>Same seed, same result: every randomised step draws its seed from the master seed and its position (repeat,
 * fold, component), never from the order in which threads run.
 */
package org.auscult.learn;
