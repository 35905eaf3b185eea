/**
 * Playback with a moving cursor: play/pause from the cursor, play the selection, loop. The sound card sits behind
 * {@link org.auscult.app.playback.AudioOutput}, so the logic is tested with a recorder; without a device the
 * workstation shows why and carries on.
 */
package org.auscult.app.playback;
