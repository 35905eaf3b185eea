/**
 * The patient view: the recordings of the selected recording's patient, one per auscultation site, side by side with
 * their verdicts.
 */
package org.auscult.app.examination;
