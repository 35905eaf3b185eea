/**
 * The training wizard: from one labelled collection, or several trained as one, to a saved model without code. Six pages (Data, Features, Model,
 * Protocol, Run, Results) share one {@link org.auscult.app.training.TrainingWizardViewModel}, which runs every
 * heavy step in the background through {@link org.auscult.experiments.ExperimentRunner}, shows the confusion matrix
 * as each fold finishes, keeps every run in the {@link org.auscult.experiments.ExperimentStore}, and hands the model
 * and recordings to the workstation through a {@link org.auscult.app.training.WorkstationLink}.
 */
package org.auscult.app.training;
