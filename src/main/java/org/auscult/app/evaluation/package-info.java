/**
 * Views of evaluation results: the confusion matrix as a heat map (JFreeChart-FX, counts or row-normalised shares,
 * click a cell to list its recordings), per-class precision/recall/F1, the table of past runs side by side, and
 * feature importance with a feature's distribution per class. Views only: they show what they are given and report
 * clicks; the training wizard's view model decides what happens.
 */
package org.auscult.app.evaluation;
