/**
 * Live auscultation: recording from an input device (an electronic stethoscope through a line-in or a USB audio
 * interface) while the recording is written to disk as it comes and judged as it grows.
 *
 * <p>{@link org.auscult.capture.CaptureSource} is where samples come from: {@link org.auscult.capture.CaptureDevices}
 * opens any capture device Java Sound sees, {@link org.auscult.capture.ReplaySource} plays a recording as if it
 * were live (in real time or faster: the test double, and a way to try the mode without a stethoscope).
 * {@link org.auscult.audio.GrowingWavFile} keeps the file valid after every second written, so a crash or a
 * pulled cable loses at most the last second. {@link org.auscult.capture.LiveSession} ties them together: level
 * per block, a rolling verdict over the last seconds once a few beats are in, and the frames lost, counted.
 */
package org.auscult.capture;
