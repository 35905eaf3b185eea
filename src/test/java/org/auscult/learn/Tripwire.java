package org.auscult.learn;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;

/**
 * Code that must never run from a model file (see {@link Tripwires}). The tests never touch this class: they
 * serialise {@link Tripwir2} and write this name in its place, so its static initialiser runs only if reading a
 * model file initialises it.
 */
final class Tripwire implements Serializable, Comparable<Object> {

    private static final long serialVersionUID = 7L;

    static {
        Tripwires.staticInitialiser = true;
    }

    private int value;

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        Tripwires.readObject = true;
    }

    @Override
    public int compareTo(Object other) {
        Tripwires.compared = true;
        return 0;
    }

    @Override
    public boolean equals(Object other) {
        Tripwires.compared = true;
        return false;
    }

    @Override
    public int hashCode() {
        Tripwires.compared = true;
        return value;
    }
}
