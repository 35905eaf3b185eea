package org.auscult.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the version from the jar manifest (the build writes it there). */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = AuscultCommand.class.getPackage().getImplementationVersion();
        return new String[] {
            "Auscult " + (version == null ? "(development build)" : version),
            "Java " + System.getProperty("java.version") + ", " + System.getProperty("os.name")
        };
    }
}
