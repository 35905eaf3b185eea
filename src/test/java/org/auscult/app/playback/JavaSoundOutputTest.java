package org.auscult.app.playback;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The real sound card: on a machine without one, opening explains instead of throwing anything else. */
class JavaSoundOutputTest {

    @Test
    void opensOrExplainsWhyNot() {
        JavaSoundOutput output = new JavaSoundOutput();
        try {
            output.open(4000);
            output.write(new byte[800], 0, 800);
            output.stop();
        } catch (AudioUnavailableException e) {
            assertTrue(e.getMessage().startsWith("No audio output device is available"), e.getMessage());
            assertTrue(!e.getMessage().contains("SourceDataLine"), "in a person's words: " + e.getMessage());
        } finally {
            output.close();
        }
    }
}
