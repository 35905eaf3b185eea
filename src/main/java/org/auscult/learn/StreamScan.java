package org.auscult.learn;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectStreamConstants;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.auscult.learn.ScanBudget.Limits;
import org.auscult.learn.ScanBudget.Refused;

/**
 * Reads a Java serialisation stream by its grammar (Java Object Serialization Specification, chapter 6) without
 * creating a single object, loading a class or running any code from it, and refuses it before Java
 * deserialisation ever sees it when it names a class outside the allow-list, or when rebuilding it would cost
 * more than the {@link ScanBudget.Limits}.
 *
 * <p>Why a second reader next to the {@link java.io.ObjectInputFilter}: the filter sees one class descriptor at a
 * time and cannot see the shape of the graph. A few hundred bytes of nested, shared hash sets (each level holding
 * the next level twice) are well within any limit on depth or object count, yet rebuilding them makes {@code
 * HashSet.readObject} hash 2^depth sets. Here every object gets its <em>unfolded weight</em>: 1 plus the weights
 * of everything it refers to, counting a shared object once per reference, as hashing and comparing contents
 * does. A graph whose unfolded weight exceeds {@link ScanBudget.Limits#maxUnfoldedWeight} is refused: a trained model is
 * nearly a tree, so its weight stays close to its object count, while the blow-up doubles with every level.
 *
 * <p>The same walk adds up the memory arrays and strings will take once built (element count times element
 * size), so a few hundred kilobytes of compressed zeros cannot declare gigabytes of arrays each just under the
 * per-array limit. Proxies, exceptions, resets, class annotations and externalised data without block framing
 * are refused: our model files never contain them.
 */
final class StreamScan {

    /**
     * What a stream that passed holds.
     *
     * @param classes   every class the stream names, array classes included, in order of first appearance
     * @param objects   objects, strings, arrays, class descriptors and back-references
     * @param weight    the unfolded weight of the whole graph
     * @param allocated bytes its arrays and strings will take
     */
    record Result(Set<String> classes, long objects, long weight, long allocated) {
    }

    private static final int BASE_HANDLE = ObjectStreamConstants.baseWireHandle;

    /** A class descriptor as the stream gives it. */
    private record Descriptor(String name, byte flags, List<Field> fields, Descriptor superclass) {
    }

    private record Field(char type, String name) {
    }

    /** An object, string or array: its unfolded weight once read, or in progress (a cycle back to it). */
    private static final class Node {
        long weight = -1;
    }

    private final DataInputStream in;
    private final ScanBudget budget;
    private final Predicate<String> allowed;
    private final List<Object> handles = new ArrayList<>();
    private final Set<String> classes = new LinkedHashSet<>();

    private StreamScan(InputStream stream, Limits limits, Predicate<String> allowed) {
        this.budget = new ScanBudget(limits);
        this.in = new DataInputStream(budget.counting(stream));
        this.allowed = allowed;
    }

    /**
     * Checks a whole stream holding one object.
     *
     * @param allowed whether a class (by its binary name; never an array) may appear
     * @return what the stream holds
     * @throws Refused     naming the first class or limit the stream breaks
     * @throws IOException when the stream ends early or breaks the grammar
     */
    static Result check(InputStream stream, Limits limits, Predicate<String> allowed) throws IOException {
        StreamScan scan = new StreamScan(stream, limits, allowed);
        long weight;
        try {
            weight = scan.stream();
        } catch (StackOverflowError e) { // only with a tiny thread stack: maxDepth bounds the recursion
            throw new Refused("object graph too deep to check");
        }
        return new Result(java.util.Collections.unmodifiableSet(scan.classes), scan.budget.objects(), weight,
                scan.budget.allocated());
    }

    private long stream() throws IOException {
        if (in.readUnsignedShort() != (ObjectStreamConstants.STREAM_MAGIC & 0xFFFF)
                || in.readUnsignedShort() != ObjectStreamConstants.STREAM_VERSION) {
            throw new IOException("not a Java serialisation stream of version " + ObjectStreamConstants.STREAM_VERSION);
        }
        long weight = budget.weighed(content(in.readByte(), 1));
        if (in.read() != -1) {
            throw new IOException("data follows the model");
        }
        return weight;
    }

    /** One object (any form) starting with {@code code}; returns its unfolded weight, 0 for null. */
    private long content(byte code, int depth) throws IOException {
        budget.tick(depth);
        return switch (code) {
            case ObjectStreamConstants.TC_NULL -> 0;
            case ObjectStreamConstants.TC_REFERENCE -> reference();
            case ObjectStreamConstants.TC_STRING -> string(in.readUnsignedShort());
            case ObjectStreamConstants.TC_LONGSTRING -> string(in.readLong());
            case ObjectStreamConstants.TC_OBJECT -> object(depth);
            case ObjectStreamConstants.TC_ARRAY -> array(depth);
            case ObjectStreamConstants.TC_ENUM -> enumConstant(depth);
            case ObjectStreamConstants.TC_CLASS -> {
                descriptor(in.readByte(), depth);
                newHandle(new Node()).weight = 1;
                yield 1;
            }
            case ObjectStreamConstants.TC_PROXYCLASSDESC -> throw new Refused("a dynamic proxy");
            case ObjectStreamConstants.TC_EXCEPTION -> throw new Refused("a serialised exception");
            case ObjectStreamConstants.TC_RESET -> throw new Refused("a stream reset");
            case ObjectStreamConstants.TC_CLASSDESC -> throw new Refused("a class descriptor as an object");
            default -> throw new IOException(String.format("unexpected byte 0x%02x", code & 0xFF));
        };
    }

    private Object handle() throws IOException {
        int index = in.readInt() - BASE_HANDLE;
        if (index < 0 || index >= handles.size()) {
            throw new IOException("a reference to an object that does not exist");
        }
        budget.count();
        return handles.get(index);
    }

    private long reference() throws IOException {
        if (!(handle() instanceof Node node)) {
            throw new IOException("a reference to a class descriptor where an object belongs");
        }
        return node.weight < 0 ? 1 : node.weight;
    }

    private <T> T newHandle(T value) throws IOException {
        budget.count();
        handles.add(value);
        return value;
    }

    private long string(long utfLength) throws IOException {
        newHandle(new Node()).weight = 1;
        budget.allocate(utfLength * 2, "a string of " + utfLength + " bytes");
        skip(utfLength);
        return 1;
    }

    private void skip(long bytes) throws IOException {
        if (bytes < 0) {
            throw new IOException("a negative length");
        }
        long left = bytes;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new java.io.EOFException();
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    /** A class descriptor (new, back-reference or null) starting with {@code code}. */
    private Descriptor descriptor(byte code, int depth) throws IOException {
        switch (code) {
            case ObjectStreamConstants.TC_NULL:
                return null;
            case ObjectStreamConstants.TC_REFERENCE:
                if (handle() instanceof Descriptor descriptor) {
                    return descriptor;
                }
                throw new IOException("a reference to an object where a class descriptor belongs");
            case ObjectStreamConstants.TC_PROXYCLASSDESC:
                throw new Refused("a dynamic proxy");
            case ObjectStreamConstants.TC_CLASSDESC:
                break;
            default:
                throw new IOException(String.format("unexpected byte 0x%02x where a class belongs", code & 0xFF));
        }
        budget.tick(depth);
        String name = in.readUTF();
        checkClass(name);
        in.readLong(); // serialVersionUID: checked by Java deserialisation against the class
        Object[] slot = new Object[1];
        int index = handles.size();
        newHandle(slot); // replaced below; nothing can refer to a descriptor before its fields are read
        byte flags = in.readByte();
        if ((flags & ObjectStreamConstants.SC_EXTERNALIZABLE) != 0
                && (flags & ObjectStreamConstants.SC_BLOCK_DATA) == 0) {
            throw new Refused("class " + name + " is externalised without block framing");
        }
        int count = in.readShort();
        if (count < 0) {
            throw new IOException("a negative field count");
        }
        List<Field> fields = new ArrayList<>(Math.min(count, 64));
        for (int i = 0; i < count; i++) {
            char type = (char) in.readByte();
            String fieldName = in.readUTF();
            if (type == '[' || type == 'L') {
                stringOrReference(in.readByte(), "a field type that is not a string");
            } else if ("BCDFIJSZ".indexOf(type) < 0) {
                throw new IOException("field " + fieldName + " of " + name + " has an unknown type code");
            }
            fields.add(new Field(type, fieldName));
        }
        if (in.readByte() != ObjectStreamConstants.TC_ENDBLOCKDATA) {
            throw new Refused("class " + name + " carries an annotation");
        }
        Descriptor descriptor = new Descriptor(name, flags, fields, descriptor(in.readByte(), depth + 1));
        handles.set(index, descriptor);
        return descriptor;
    }

    /** A string, new or shared (a field's type name, an enum constant's name); anything else is {@code problem}. */
    private void stringOrReference(byte code, String problem) throws IOException {
        if (code == ObjectStreamConstants.TC_STRING) {
            string(in.readUnsignedShort());
        } else if (code == ObjectStreamConstants.TC_REFERENCE) {
            reference();
        } else {
            throw new IOException(problem);
        }
    }

    private void checkClass(String name) throws IOException {
        classes.add(name);
        String element = name;
        while (element.startsWith("[")) {
            element = element.substring(1);
        }
        if (element.length() == 1 && "BCDFIJSZ".contains(element)) {
            return;
        }
        if (element.startsWith("L") && element.endsWith(";")) {
            element = element.substring(1, element.length() - 1);
        } else if (!element.equals(name)) {
            throw new IOException("an array class with a malformed name");
        }
        if (!allowed.test(element)) {
            throw new Refused("class " + element + " is not allowed");
        }
    }

    private long object(int depth) throws IOException {
        Descriptor descriptor = descriptor(in.readByte(), depth + 1);
        if (descriptor == null || descriptor.name().startsWith("[")) {
            throw new IOException("an object without a class");
        }
        if ((descriptor.flags() & ObjectStreamConstants.SC_ENUM) != 0) {
            throw new IOException("an enum constant written as an object");
        }
        Node node = newHandle(new Node());
        List<Descriptor> chain = new ArrayList<>();
        for (Descriptor d = descriptor; d != null; d = d.superclass()) {
            chain.add(0, d);
        }
        long weight = 1;
        for (Descriptor d : chain) {
            byte flags = d.flags();
            if ((flags & ObjectStreamConstants.SC_SERIALIZABLE) != 0) {
                for (Field field : d.fields()) {
                    weight = ScanBudget.add(weight, value(field.type(), depth));
                }
                if ((flags & ObjectStreamConstants.SC_WRITE_METHOD) != 0) {
                    weight = ScanBudget.add(weight, annotation(depth));
                }
            } else if ((flags & ObjectStreamConstants.SC_EXTERNALIZABLE) != 0) {
                weight = ScanBudget.add(weight, annotation(depth));
            }
        }
        node.weight = budget.weighed(weight);
        return weight;
    }

    /** What a class's own writeObject wrote after its fields: block data and objects up to the end marker. */
    private long annotation(int depth) throws IOException {
        long weight = 0;
        while (true) {
            byte code = in.readByte();
            switch (code) {
                case ObjectStreamConstants.TC_ENDBLOCKDATA:
                    return weight;
                case ObjectStreamConstants.TC_BLOCKDATA:
                    skip(in.readUnsignedByte());
                    break;
                case ObjectStreamConstants.TC_BLOCKDATALONG:
                    skip(in.readInt());
                    break;
                default:
                    weight = ScanBudget.add(weight, content(code, depth + 1));
            }
        }
    }

    private long value(char type, int depth) throws IOException {
        switch (type) {
            case 'B', 'Z' -> skip(1);
            case 'C', 'S' -> skip(2);
            case 'I', 'F' -> skip(4);
            case 'J', 'D' -> skip(8);
            default -> {
                return content(in.readByte(), depth + 1);
            }
        }
        return 0;
    }

    private long array(int depth) throws IOException {
        Descriptor descriptor = descriptor(in.readByte(), depth + 1);
        if (descriptor == null || !descriptor.name().startsWith("[")) {
            throw new IOException("an array without an array class");
        }
        Node node = newHandle(new Node());
        int length = in.readInt();
        if (length < 0) {
            throw new IOException("an array of negative length");
        }
        if (length > budget.limits().maxArrayLength()) {
            throw new Refused("an array of " + length + " elements (at most " + budget.limits().maxArrayLength() + ")");
        }
        char type = descriptor.name().charAt(1);
        int size = switch (type) {
            case 'B', 'Z' -> 1;
            case 'C', 'S' -> 2;
            case 'I', 'F' -> 4;
            case 'J', 'D' -> 8;
            default -> 0;
        };
        budget.allocate(16 + (long) length * (size == 0 ? 8 : size), "an array of " + length + " elements");
        long weight = 1;
        if (size > 0) {
            skip((long) length * size);
        } else {
            for (int i = 0; i < length; i++) {
                weight = ScanBudget.add(weight, content(in.readByte(), depth + 1));
            }
        }
        node.weight = budget.weighed(weight);
        return weight;
    }

    private long enumConstant(int depth) throws IOException {
        Descriptor descriptor = descriptor(in.readByte(), depth + 1);
        if (descriptor == null || (descriptor.flags() & ObjectStreamConstants.SC_ENUM) == 0) {
            throw new IOException("an enum constant of a class that is no enum");
        }
        newHandle(new Node()).weight = 1;
        stringOrReference(in.readByte(), "an enum constant without a name");
        return 1;
    }

}
