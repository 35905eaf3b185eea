package org.auscult.learn;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small JSON writer (RFC 8259) for reports: objects, arrays, strings with escaping, finite numbers (a non-finite
 * number is written as {@code null}, which JSON has no other way to say), booleans. Two-space indentation. It checks
 * that names appear only in objects and values only where they fit, so a report cannot come out malformed.
 */
final class JsonWriter {

    private enum Scope { OBJECT, ARRAY }

    private final StringBuilder out = new StringBuilder();
    private final Deque<Scope> scopes = new ArrayDeque<>();
    private boolean first = true;
    private boolean afterName;

    JsonWriter beginObject() {
        beforeValue();
        out.append('{');
        scopes.push(Scope.OBJECT);
        first = true;
        return this;
    }

    JsonWriter endObject() {
        return end(Scope.OBJECT, '}');
    }

    JsonWriter beginArray() {
        beforeValue();
        out.append('[');
        scopes.push(Scope.ARRAY);
        first = true;
        return this;
    }

    JsonWriter endArray() {
        return end(Scope.ARRAY, ']');
    }

    JsonWriter name(String name) {
        if (scopes.peek() != Scope.OBJECT || afterName) {
            throw new IllegalStateException("a name belongs directly inside an object");
        }
        separate();
        string(name);
        out.append(": ");
        afterName = true;
        return this;
    }

    JsonWriter value(String value) {
        if (value == null) {
            return nullValue();
        }
        beforeValue();
        string(value);
        return this;
    }

    JsonWriter value(double value) {
        if (!Double.isFinite(value)) {
            return nullValue();
        }
        beforeValue();
        out.append(value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : Double.toString(value));
        return this;
    }

    JsonWriter value(long value) {
        beforeValue();
        out.append(value);
        return this;
    }

    JsonWriter value(boolean value) {
        beforeValue();
        out.append(value);
        return this;
    }

    JsonWriter nullValue() {
        beforeValue();
        out.append("null");
        return this;
    }

    /** The document; every object and array must be closed. */
    String toJson() {
        if (!scopes.isEmpty() || out.length() == 0) {
            throw new IllegalStateException("the JSON document is not complete");
        }
        return out.toString();
    }

    private void beforeValue() {
        if (scopes.peek() == Scope.OBJECT) {
            if (!afterName) {
                throw new IllegalStateException("a value inside an object needs a name first");
            }
            afterName = false;
        } else if (scopes.peek() == Scope.ARRAY) {
            separate();
        } else if (out.length() > 0) {
            throw new IllegalStateException("a JSON document has one top-level value");
        }
        first = false;
    }

    private void separate() {
        if (!first) {
            out.append(',');
        }
        first = false;
        newline(scopes.size());
    }

    private JsonWriter end(Scope scope, char bracket) {
        if (scopes.peek() != scope || afterName) {
            throw new IllegalStateException("unbalanced " + bracket);
        }
        scopes.pop();
        if (!first) {
            newline(scopes.size());
        }
        out.append(bracket);
        first = false;
        return this;
    }

    private void newline(int depth) {
        out.append('\n');
        out.append("  ".repeat(depth));
    }

    private void string(String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (ch < 0x20 || ch == '\u2028' || ch == '\u2029') {
                        out.append(String.format("\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        out.append('"');
    }
}
