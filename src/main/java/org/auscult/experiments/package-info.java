/**
 * Training experiments that can be kept, compared and repeated: the settings of a run ({@link
 * org.auscult.experiments.ExperimentSettings}: analysis, model, evaluation protocol and seed, and the labels trained
 * on and answered in, {@link org.auscult.experiments.TrainingLabels}), what a collection
 * offers for training and what to watch out for ({@link org.auscult.experiments.DataSummary}), the run itself from
 * a collection to an evaluation ({@link org.auscult.experiments.ExperimentRunner}), and the record of every run
 * ({@link org.auscult.experiments.Experiment}) kept as one small properties file per run by {@link
 * org.auscult.experiments.ExperimentStore}. Shared by the workstation's training wizard and usable from the command
 * line; no JavaFX scene code and no terminal output here.
 */
package org.auscult.experiments;
