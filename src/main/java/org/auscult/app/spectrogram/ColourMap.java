package org.auscult.app.spectrogram;

/**
 * Colour maps for levels: each a 256-entry ARGB table interpolated linearly between a few control colours taken
 * from the published maps (matplotlib's perceptually uniform magma and viridis at 0, 1/8, ..., 1).
 */
public enum ColourMap {
    MAGMA("Magma", 0x000004, 0x1c1044, 0x4f127b, 0x812581, 0xb5367a, 0xe55964, 0xfb8761, 0xfec287, 0xfcfdbf),
    VIRIDIS("Viridis", 0x440154, 0x46327e, 0x365c8d, 0x277f8e, 0x1fa187, 0x4ac16d, 0xa0da39, 0xd8e219, 0xfde725),
    GREY("Grey", 0x000000, 0xffffff),
    INVERTED_GREY("Inverted grey", 0xffffff, 0x000000);

    private final String label;
    private final int[] table = new int[256];

    ColourMap(String label, int... controls) {
        this.label = label;
        int segments = controls.length - 1;
        for (int i = 0; i < 256; i++) {
            double position = i / 255.0 * segments;
            int segment = Math.min(segments - 1, (int) position);
            double t = position - segment;
            int a = controls[segment];
            int b = controls[segment + 1];
            int red = mix(a >> 16 & 0xff, b >> 16 & 0xff, t);
            int green = mix(a >> 8 & 0xff, b >> 8 & 0xff, t);
            int blue = mix(a & 0xff, b & 0xff, t);
            table[i] = 0xff000000 | red << 16 | green << 8 | blue;
        }
    }

    private static int mix(int a, int b, double t) {
        return (int) Math.round(a + (b - a) * t);
    }

    /** The ARGB colour of {@code level} (0 = floor, 1 = ceiling; clamped). */
    public int argb(double level) {
        if (!(level > 0)) {
            return table[0];
        }
        return table[level >= 1 ? 255 : (int) (level * 255 + 0.5)];
    }

    @Override
    public String toString() {
        return label;
    }
}
