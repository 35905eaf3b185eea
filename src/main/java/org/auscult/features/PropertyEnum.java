package org.auscult.features;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.auscult.dsp.ParameterException;

/**
 * An enum constant written as a property value: lower case with hyphens ({@code MEAN_LOG_SPECTRUM ->
 * mean-log-spectrum}), for the feature parameters that name one of a few choices.
 */
final class PropertyEnum {

    private PropertyEnum() {
    }

    /** {@code constant} as a property value. */
    static String key(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The constant of {@code type} whose {@link #key} is {@code text}, ignoring case, surrounding blanks and '-'/'_'.
     *
     * @throws ParameterException "{@code parameter} must be one of ..., got '...'" otherwise (also for null)
     */
    static <E extends Enum<E>> E parse(String parameter, String text, Class<E> type) {
        if (text != null) {
            String wanted = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(wanted)) {
                    return constant;
                }
            }
        }
        throw new ParameterException(parameter + " must be one of " + Arrays.stream(type.getEnumConstants())
                .map(PropertyEnum::key).collect(Collectors.joining(", ")) + ", got '" + text + "'");
    }
}
