/**
 * Murmurs described as a clinician describes them: where in the cycle the murmur's sound sits
 * ({@link org.auscult.segmentation.murmur.MurmurEnvelope}, per beat and its median across beats) and, learnt from the
 * CirCor annotations, the systolic murmur's timing and the other attributes that measured reliable.
 * Choices and measurements: docs/decisions/murmur-description.md.
 */
package org.auscult.segmentation.murmur;
