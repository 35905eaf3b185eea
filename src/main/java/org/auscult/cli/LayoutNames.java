package org.auscult.cli;

import java.util.Arrays;
import java.util.Iterator;
import org.auscult.library.Layout;

/** The layouts as {@code --layout} is given them in help: "kaggle-pascal", as its error message lists them. */
final class LayoutNames implements Iterable<String> {

    @Override
    public Iterator<String> iterator() {
        return Arrays.stream(Layout.values()).map(Layout::optionName).iterator();
    }
}
