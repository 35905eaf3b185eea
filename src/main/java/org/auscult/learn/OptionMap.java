package org.auscult.learn;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.List;
import java.util.stream.Collectors;

import org.auscult.dsp.ParameterException;

/**
 * Reads option records from string properties (the format shared by the command line, the training wizard and a
 * saved experiment). Missing keys take the record's default; an unknown key or an unreadable value is an error that
 * names the key, the value and what would be valid.
 */
final class OptionMap {

    private final String owner;
    private final Map<String, String> values;

    /**
     * @param owner  what the properties describe, for messages (e.g. "random forest")
     * @param values the properties
     * @param known  the keys this owner understands; any other key is refused
     */
    OptionMap(String owner, Map<String, String> values, List<String> known) {
        this.owner = owner;
        this.values = Map.copyOf(Objects.requireNonNull(values, owner + " properties"));
        for (String key : values.keySet()) {
            ParameterException.require(known.contains(key),
                    owner + ": unknown option '" + key + "' (known: " + String.join(", ", known) + ")");
        }
    }

    int integer(String key, int fallback) {
        return parsed(key, fallback, Integer::parseInt, "a whole number");
    }

    long longInteger(String key, long fallback) {
        return parsed(key, fallback, Long::parseLong, "a whole number");
    }

    double decimal(String key, double fallback) {
        return parsed(key, fallback, Double::parseDouble, "a number");
    }

    private <T> T parsed(String key, T fallback, Function<String, T> parser, String expected) {
        String text = values.get(key);
        if (text == null) {
            return fallback;
        }
        try {
            return parser.apply(text.trim());
        } catch (NumberFormatException e) {
            throw invalid(key, text, expected);
        }
    }

    boolean bool(String key, boolean fallback) {
        String text = values.get(key);
        if (text == null) {
            return fallback;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(key, text, "true or false");
        };
    }

    <E extends Enum<E>> E choice(String key, Class<E> type, E fallback) {
        String text = values.get(key);
        return text == null ? fallback : parseEnum(owner + " " + key, text, type);
    }

    String text(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    private ParameterException invalid(String key, String text, String expected) {
        return new ParameterException(owner + " " + key + ": '" + text + "' is not " + expected);
    }

    /** An enum constant as a property value: lower case with hyphens ({@code RANDOM_FOREST -> random-forest}). */
    static String enumText(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses {@link #enumText}, ignoring case and accepting underscores for hyphens. */
    static <E extends Enum<E>> E parseEnum(String what, String text, Class<E> type) {
        String wanted = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(wanted)) {
                return constant;
            }
        }
        throw new ParameterException(what + ": '" + text + "' is not one of "
                + Arrays.stream(type.getEnumConstants()).map(OptionMap::enumText).collect(Collectors.joining(", ")));
    }

    /** The entries under {@code prefix + "."}, with the prefix removed. */
    static Map<String, String> section(Map<String, String> properties, String prefix) {
        Map<String, String> section = new LinkedHashMap<>();
        String start = prefix + ".";
        properties.forEach((key, value) -> {
            if (key.startsWith(start)) {
                section.put(key.substring(start.length()), value);
            }
        });
        return section;
    }

    /** Adds {@code section}'s entries to {@code target} under {@code prefix + "."}. */
    static void putSection(Map<String, String> target, String prefix, Map<String, String> section) {
        section.forEach((key, value) -> target.put(prefix + "." + key, value));
    }
}
