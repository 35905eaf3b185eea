package org.auscult;

public final class Launcher {
    public static void main(String[] args) {
    }
}
