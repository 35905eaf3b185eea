package org.auscult.app.spectrogram;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import org.auscult.app.controls.Buttons;
import org.auscult.dsp.Window;

/** The spectrogram settings bar: FFT size, hop, window, frequency range, dB range and colour map. */
public final class SpectrogramSettingsView extends FlowPane {

    private final SpectrogramViewModel model;
    private final ComboBox<Integer> fftSize = new ComboBox<>();
    private final TextField hop = field(4, "Samples between frames at full resolution (1 to the FFT size)");
    private final ComboBox<Window> window = new ComboBox<>();
    private final TextField minFrequency = field(5, "Lowest frequency shown, Hz");
    private final TextField maxFrequency = field(5, "Highest frequency shown, Hz (0: up to half the sample rate)");
    private final TextField floorDb = field(4, "Level drawn darkest, dB (0 dB: a full-scale sine)");
    private final TextField ceilingDb = field(4, "Level drawn brightest, dB");
    private final ComboBox<ColourMap> colourMap = new ComboBox<>();
    private final Label error = new Label();

    public SpectrogramSettingsView(SpectrogramViewModel model) {
        super(6, 3);
        this.model = model;
        setId("spectrogram-settings");
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(3, 6, 3, 6));
        fftSize.getItems().setAll(List.of(64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384));
        fftSize.setId("fft-size");
        fftSize.setTooltip(new Tooltip("Samples per FFT frame: larger gives finer frequency, coarser time"));
        window.getItems().setAll(Window.values());
        window.setId("window");
        window.setTooltip(new Tooltip("Taper applied to each frame"));
        colourMap.getItems().setAll(ColourMap.values());
        colourMap.setId("colour-map");
        colourMap.setTooltip(new Tooltip("Colours for levels"));
        hop.setId("hop");
        minFrequency.setId("min-frequency");
        maxFrequency.setId("max-frequency");
        floorDb.setId("floor-db");
        ceilingDb.setId("ceiling-db");
        error.setId("spectrogram-error");
        error.getStyleClass().add("error-text");
        error.textProperty().bind(model.errorProperty());
        Button apply = Buttons.of("apply-spectrogram", "Apply", () -> apply());
        apply.setTooltip(new Tooltip("Apply the spectrogram settings (Enter in any field)"));
        List.of(hop, minFrequency, maxFrequency, floorDb, ceilingDb)
                .forEach(field -> field.setOnAction(event -> apply()));
        fftSize.setOnAction(event -> apply());
        window.setOnAction(event -> apply());
        colourMap.setOnAction(event -> apply());
        getChildren().addAll(new Label("FFT"), fftSize, new Label("hop"), hop, window, new Label("Hz"), minFrequency,
                new Label("–"), maxFrequency, new Label("dB"), floorDb, new Label("–"), ceilingDb, colourMap, apply,
                error);
        for (var child : getChildren()) {
            if (child instanceof Label label) {
                label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
        }
        fftSize.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        show(model.settingsProperty().get());
        model.settingsProperty().addListener((observable, before, after) -> show(after));
    }

    private boolean updating;

    private void show(SpectrogramSettings settings) {
        updating = true;
        fftSize.setValue(settings.fftSize());
        hop.setText(Integer.toString(settings.hopSize()));
        window.setValue(settings.window());
        minFrequency.setText(plain(settings.minFrequency()));
        maxFrequency.setText(plain(settings.maxFrequency()));
        floorDb.setText(plain(settings.floorDb()));
        ceilingDb.setText(plain(settings.ceilingDb()));
        colourMap.setValue(settings.colourMap());
        updating = false;
    }

    private void apply() {
        if (updating) {
            return;
        }
        try {
            model.apply(fftSize.getValue(), Integer.parseInt(hop.getText().trim()), window.getValue(),
                    Double.parseDouble(minFrequency.getText().trim()), Double.parseDouble(maxFrequency.getText().trim()),
                    Double.parseDouble(floorDb.getText().trim()), Double.parseDouble(ceilingDb.getText().trim()),
                    colourMap.getValue());
        } catch (NumberFormatException e) {
            model.reject("Hop, frequencies and dB levels must be numbers: " + e.getMessage());
        }
    }

    private static String plain(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static TextField field(int columns, String tip) {
        TextField field = new TextField();
        field.setPrefColumnCount(columns);
        field.setTooltip(new Tooltip(tip));
        return field;
    }
}
