package org.auscult.app.cycle;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.auscult.app.controls.Buttons;
import org.auscult.app.controls.Labels;
import org.auscult.segmentation.CardiacState;

/**
 * The bar above the layers for the heart cycle: show/hide the bands (C), the legend (with the murmur's level while
 * one is drawn), where the cycle comes from, and the button that stores the automatic segmentation as the user's
 * events.
 */
public final class CycleBar extends HBox {

    /**
     * @param model        the cycle on screen
     * @param canLabel     true while the label store is available
     * @param acceptAction stores {@link CycleViewModel#segmentationToAccept()} as one undoable edit
     */
    public CycleBar(CycleViewModel model, ObservableBooleanValue canLabel, Runnable acceptAction) {
        super(6);
        setId("cycle-bar");
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(2, 6, 2, 6));
        ToggleButton show = new ToggleButton("Cycle");
        show.setId("cycle-toggle");
        show.setFocusTraversable(false);
        show.setTooltip(new Tooltip("Show the S1 / systole / S2 / diastole bands (C)"));
        show.selectedProperty().bindBidirectional(model.visibleProperty());
        // the legend's entries close together, so that the murmur's entry fits a 1366-pixel-wide window too
        HBox legend = new HBox(4);
        legend.setAlignment(Pos.CENTER_LEFT);
        for (CardiacState state : new CardiacState[] {CardiacState.S1, CardiacState.SYSTOLE, CardiacState.S2,
                CardiacState.DIASTOLE}) {
            legend.getChildren().add(legendEntry(ShownCycle.eventTypeOf(state), CycleOverlay.colour(state)));
        }
        legend.getChildren().add(murmurLegend(model));
        getChildren().addAll(show, legend);
        Label source = Labels.bound("cycle-source", Bindings.createStringBinding(() -> {
            String problem = model.messageProperty().get();
            if (!problem.isEmpty()) {
                return problem;
            }
            ShownCycle cycle = model.shownProperty().get();
            return cycle.source() == CycleSource.NONE ? "" : "(" + cycle.source().description() + ")";
        }, model.shownProperty(), model.messageProperty()));
        source.getStyleClass().add("hint-text");
        Button accept = Buttons.of("cycle-accept", "Accept as labels", () -> acceptAction.run());
        accept.setFocusTraversable(false);
        accept.setTooltip(new Tooltip("Store the automatic segmentation as your S1, systole, S2 and diastole events "
                + "(one step, Ctrl+Z undoes it); then correct them on the labels lane"));
        accept.disableProperty().bind(Bindings.createBooleanBinding(
                () -> !(model.canAcceptProperty().get() && canLabel.get()), model.canAcceptProperty(), canLabel));
        getChildren().addAll(source, accept);
    }

    private static Label legendEntry(String text, Color colour) {
        Label entry = new Label(text, new Rectangle(12, 12, colour));
        entry.setGraphicTextGap(3);
        entry.getStyleClass().add("cycle-legend");
        return entry;
    }

    /** The murmur's legend entry, there only while a murmur's level is drawn under the bands' top edge. */
    private static Label murmurLegend(CycleViewModel model) {
        Label murmur = legendEntry("murmur", CycleOverlay.MURMUR);
        murmur.setId("cycle-murmur-legend");
        murmur.setTooltip(new Tooltip("The strip under the bands' top edge: each cycle's murmur level in each eighth "
                + "of its systole and diastole, dB relative to the heart sounds of that beat (full height: as loud as "
                + "they are; empty: 40 dB below)"));
        murmur.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> !model.murmurEvidenceProperty().get().cycles().isEmpty(), model.murmurEvidenceProperty()));
        murmur.managedProperty().bind(murmur.visibleProperty());
        return murmur;
    }
}
