package org.auscult.learn;

/**
 * Derives independent seeds from a master seed and a path of integers (e.g. seed, repeat, fold), so that every
 * randomised step has its own reproducible stream no matter in which order or on which thread it runs.
 *
 * <p>Each part is folded in with the SplitMix64 finaliser {@code z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9; z = (z ^
 * (z >>> 27)) * 0x94d049bb133111eb; z ^= z >>> 31} over {@code state + part + 0x9e3779b97f4a7c15}: a bijective,
 * well-mixed step, so nearby inputs give unrelated seeds.
 */
final class Seeds {

    private Seeds() {
    }

    static long derive(long seed, long... path) {
        long state = mix(seed);
        for (long part : path) {
            state = mix(state + part + 0x9e3779b97f4a7c15L);
        }
        return state;
    }

    /** {@link #derive} narrowed to the non-negative int seeds Weka takes. */
    static int intSeed(long seed, long... path) {
        return (int) (derive(seed, path) >>> 33);
    }

    private static long mix(long value) {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
