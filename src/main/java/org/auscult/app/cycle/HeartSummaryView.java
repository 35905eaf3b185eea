package org.auscult.app.cycle;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.auscult.app.controls.Labels;

/**
 * Heart rate, rhythm and signal quality under the verdict, and the "unsure" banner above it when the quality is too
 * low to judge (the window greys the class probabilities meanwhile).
 */
public final class HeartSummaryView extends VBox {

    private final Label banner = new Label(HeartSummary.UNSURE_TEXT);

    public HeartSummaryView(CycleViewModel model) {
        super(2);
        setId("heart-summary");
        banner.setId("verdict-unsure");
        banner.getStyleClass().add("unsure-banner");
        Labels.wrapping(banner);
        banner.visibleProperty().bind(Bindings.createBooleanBinding(() -> model.summaryProperty().get().unsure(),
                model.summaryProperty()));
        banner.managedProperty().bind(banner.visibleProperty());
        banner.textProperty().bind(Bindings.createStringBinding(() -> model.summaryProperty().get().banner(),
                model.summaryProperty()));
        Label heartRate = line("heart-rate", model, HeartSummary::heartRate);
        heartRate.getStyleClass().add("heart-rate");
        getChildren().addAll(heartRate, line("rhythm", model, HeartSummary::rhythm),
                line("signal-quality", model, HeartSummary::quality));
    }

    /** The banner, which the window places above the verdict. */
    public Label banner() {
        return banner;
    }

    private static Label line(String id, CycleViewModel model, java.util.function.Function<HeartSummary, String> text) {
        return Labels.wrapped(id, Bindings.createStringBinding(() -> text.apply(model.summaryProperty().get()),
                model.summaryProperty()));
    }
}
