package org.auscult.learn;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.auscult.dsp.ParameterException;

/**
 * A support vector machine trained by sequential minimal optimisation (Platt 1998; {@code
 * weka.classifiers.functions.SMO}) on standardised features, pairwise for more than two classes.
 *
 * <p>With {@code calibrate}, a logistic regression is fitted to the SVM outputs (Platt scaling, Weka's {@code
 * -M}), so the posterior is a probability {@code p = 1 / (1 + exp(A f(x) + B))} per class pair, combined by
 * pairwise coupling; without it the posterior is the vote share of the pairwise classifiers. Stacking needs
 * calibrated posteriors.
 *
 * @param c         complexity constant (penalty on margin violations), positive
 * @param kernel    the kernel
 * @param calibrate whether to fit logistic models to the outputs
 */
public record SmoOptions(double c, SmoKernel kernel, boolean calibrate) implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final SmoOptions DEFAULTS = new SmoOptions(1.0, new SmoKernel.Rbf(0.01), true);

    private static final List<String> KEYS = List.of("c", "kernel", "gamma", "exponent", "calibrate");

    public SmoOptions {
        ParameterException.require(c > 0 && Double.isFinite(c), "SMO complexity c must be positive, got " + c);
        Objects.requireNonNull(kernel, "SMO kernel");
    }

    public Map<String, String> toProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("c", Double.toString(c));
        if (kernel instanceof SmoKernel.Rbf rbf) {
            properties.put("kernel", "rbf");
            properties.put("gamma", Double.toString(rbf.gamma()));
        } else if (kernel instanceof SmoKernel.Polynomial polynomial) {
            properties.put("kernel", "polynomial");
            properties.put("exponent", Double.toString(polynomial.exponent()));
        }
        properties.put("calibrate", Boolean.toString(calibrate));
        return properties;
    }

    /**
     * Reads {@link #toProperties()}; missing keys take {@link #DEFAULTS} (gamma 0.01 for an RBF kernel, exponent
     * 1 for a polynomial one). Only the parameter of the chosen kernel may be given.
     */
    public static SmoOptions of(Map<String, String> properties) {
        OptionMap options = new OptionMap("SMO", properties, KEYS);
        String kernelName = options.text("kernel", "rbf").trim().toLowerCase(Locale.ROOT);
        SmoKernel kernel = switch (kernelName) {
            case "rbf" -> {
                ParameterException.require(!properties.containsKey("exponent"),
                        "SMO exponent applies to the polynomial kernel, not to rbf");
                yield new SmoKernel.Rbf(options.decimal("gamma", 0.01));
            }
            case "polynomial", "poly" -> {
                ParameterException.require(!properties.containsKey("gamma"),
                        "SMO gamma applies to the rbf kernel, not to polynomial");
                yield new SmoKernel.Polynomial(options.decimal("exponent", 1.0));
            }
            default -> throw new ParameterException("SMO kernel: '" + kernelName + "' is not rbf or polynomial");
        };
        return new SmoOptions(options.decimal("c", DEFAULTS.c), kernel, options.bool("calibrate", DEFAULTS.calibrate));
    }
}
