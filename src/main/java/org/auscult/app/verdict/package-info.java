/**
 * The verdict: the predicted class, every class's probability as a bar chart, the model used, and plain warnings
 * when the recording lies outside what the model knows (sample rate, duration, level, features outside every
 * reference class) or the top two classes are within 0.15 of each other. What the model knows is its training
 * data as its {@link org.auscult.learn.TrainingProfile} records it, or, for a model saved without one, the open
 * collection's labelled recordings.
 */
package org.auscult.app.verdict;
