package org.auscult.learn;

import java.io.Serializable;

/** The harmless twin of {@link Tripwire}: same name length, fields and serial version, no code. */
final class Tripwir2 implements Serializable, Comparable<Object> {

    private static final long serialVersionUID = 7L;

    private int value;

    Tripwir2(int value) {
        this.value = value;
    }

    @Override
    public int compareTo(Object other) {
        return Integer.compare(System.identityHashCode(this), System.identityHashCode(other));
    }
}
