package org.auscult.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Cell;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.text.Text;

/**
 * Finds the text a window cuts off: every visible {@link Labeled} with text whose skin shows less than its text
 * (elided with the ellipsis, "…" or "..."), and every label, button or header whose text runs past the window or
 * past a clipping container (a split pane's side, a tab) that hides the end of it. Table, list and tree cells are
 * checked for the ellipsis only: a cell scrolled half out of view is not cut. Call on the FX thread.
 */
public final class CutText {

    private CutText() {
    }

    /** One description per control whose text is cut: its id (or class) and the text it should show. */
    public static List<String> in(Scene scene) {
        List<String> cut = new ArrayList<>();
        visit(scene.getRoot(), scene, cut);
        return cut;
    }

    private static void visit(Node node, Scene scene, List<String> cut) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled labeled) {
            String problem = problem(labeled, scene);
            if (problem != null) {
                cut.add(name(labeled) + " " + problem);
            }
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                visit(child, scene, cut);
            }
        }
    }

    private static String problem(Labeled labeled, Scene scene) {
        String text = labeled.getText();
        if (text == null || text.isBlank() || labeled.getContentDisplay() == ContentDisplay.GRAPHIC_ONLY
                || labeled.getWidth() <= 0) {
            return null;
        }
        Text shown = shownText(labeled);
        if (shown == null) {
            return null; // no skin yet: not on screen
        }
        String expected = labeled.isMnemonicParsing() ? withoutMnemonic(text) : text;
        String displayed = shown.getText() == null ? "" : shown.getText();
        if (!shown.isVisible() || !displayed.equals(expected)) {
            return "shows '" + displayed + "' instead of '" + expected + "'"
                    + (displayed.endsWith(labeled.getEllipsisString()) ? " (elided)" : "");
        }
        if (labeled instanceof Cell<?> || inside(labeled, ScrollPane.class) || insideVirtualFlow(labeled)) {
            return null;
        }
        Bounds area = shown.localToScene(shown.getLayoutBounds());
        if (area.getMaxX() > scene.getWidth() + 0.5 || area.getMaxY() > scene.getHeight() + 0.5) {
            return "'" + expected + "' runs past the window (" + describe(area) + ")";
        }
        for (Node up = labeled; up != null; up = up.getParent()) {
            if (up.getClip() != null) {
                Bounds clip = up.localToScene(up.getClip().getBoundsInParent());
                if (area.getMaxX() > clip.getMaxX() + 0.5 || area.getMinX() < clip.getMinX() - 0.5
                        || area.getMaxY() > clip.getMaxY() + 0.5) {
                    return "'" + expected + "' is cut by " + name(up) + " (" + describe(area) + " outside "
                            + describe(clip) + ")";
                }
            }
        }
        return null;
    }

    /** The skin's text node: a direct child {@link Text} with the style class "text". */
    private static Text shownText(Labeled labeled) {
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text text && text.getStyleClass().contains("text")) {
                return text;
            }
        }
        return null;
    }

    private static boolean inside(Node node, Class<?> type) {
        for (Node up = node.getParent(); up != null; up = up.getParent()) {
            if (type.isInstance(up)) {
                return true;
            }
        }
        return false;
    }

    private static boolean insideVirtualFlow(Node node) {
        for (Node up = node.getParent(); up != null; up = up.getParent()) {
            if (up.getStyleClass().contains("virtual-flow")) {
                return true;
            }
        }
        return false;
    }

    /** The text as shown: a single underscore marks the mnemonic and is not drawn; "__" shows one. */
    private static String withoutMnemonic(String text) {
        int at = text.indexOf('_');
        if (at < 0 || at == text.length() - 1) {
            return text;
        }
        if (text.charAt(at + 1) == '_') {
            return text.substring(0, at) + text.substring(at + 1);
        }
        return text.substring(0, at) + text.substring(at + 1);
    }

    private static String name(Node node) {
        String id = node.getId();
        String text = node instanceof Labeled labeled && labeled.getText() != null ? labeled.getText() : null;
        if (id != null && !id.isEmpty()) {
            return "#" + id;
        }
        String kind = node.getClass().getSimpleName();
        if (text != null) {
            // a table header's label is named by its column
            Node header = node.getParent();
            if (header != null && header.getStyleClass().contains("column-header") && header.getId() != null) {
                return kind + " of column #" + header.getId();
            }
            return kind;
        }
        return kind + (node.getStyleClass().isEmpty() ? "" : "." + node.getStyleClass().get(0));
    }

    private static String describe(Bounds bounds) {
        return String.format(Locale.ROOT, "x %.0f-%.0f, y %.0f-%.0f", bounds.getMinX(), bounds.getMaxX(),
                bounds.getMinY(), bounds.getMaxY());
    }
}
