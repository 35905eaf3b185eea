/**
 * The recording browser: a virtualised, sortable table of the open collection (name, label, patient, duration,
 * sample rate, predicted class, confidence), filtered by class (or unlabelled / unreadable) and by text. Durations
 * and rates come from the headers alone (a WAV's header, a FLAC's STREAMINFO, an MP3's frame headers), so a
 * collection of thousands opens in the time it takes to read their headers.
 */
package org.auscult.app.browser;
