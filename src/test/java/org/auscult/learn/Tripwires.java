package org.auscult.learn;

import java.io.IOException;
import java.io.Serializable;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.util.ArrayList;
import java.util.List;

/**
 * Observers for code that must never run while a model file is read or first used: a class whose static
 * initialiser, {@code readObject} and {@code compareTo} trip flags ({@link Tripwire}; the tests serialise its twin
 * {@link Tripwir2} and rename it in the stream, so the real class is never initialised by the tests themselves), an
 * invocation handler for proxies, and a URL protocol {@code tripwire:} whose handler stands in for DNS: hashing
 * such a URL, as the URLDNS gadget makes a HashMap do, resolves its host.
 */
final class Tripwires {

    static final String PROTOCOL = "tripwire";
    static volatile boolean staticInitialiser;
    static volatile boolean readObject;
    static volatile boolean compared;
    static volatile boolean invoked;
    static volatile boolean resolved;

    static {
        try {
            URL.setURLStreamHandlerFactory(protocol -> PROTOCOL.equals(protocol) ? new DnsStandIn() : null);
        } catch (Error alreadySet) { // one factory per JVM; then tripwire: URLs cannot be made and tests say so
        }
    }

    private Tripwires() {
    }

    static URL url(String host) throws IOException {
        return new URL(PROTOCOL + "://" + host + "/");
    }

    static void reset() {
        readObject = compared = invoked = resolved = false;
    }

    /** The flags that tripped, empty when no code ran. */
    static List<String> tripped() {
        List<String> tripped = new ArrayList<>();
        if (staticInitialiser) {
            tripped.add("a static initialiser ran");
        }
        if (readObject) {
            tripped.add("a readObject ran");
        }
        if (compared) {
            tripped.add("a compareTo ran");
        }
        if (invoked) {
            tripped.add("a proxy's invocation handler ran");
        }
        if (resolved) {
            tripped.add("a host name was resolved");
        }
        return tripped;
    }

    /** The stand-in for DNS: every way a URL handler would look its host up trips the flag. */
    static final class DnsStandIn extends URLStreamHandler {
        @Override
        protected URLConnection openConnection(URL url) throws IOException {
            resolved = true;
            throw new IOException("no connections from tests");
        }

        @Override
        protected synchronized InetAddress getHostAddress(URL url) {
            resolved = true;
            return null;
        }

        @Override
        protected int hashCode(URL url) {
            resolved = true;
            return 0;
        }
    }

    /** An invocation handler for hostile proxies. */
    static final class Handler implements InvocationHandler, Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) {
            invoked = true;
            return method.getReturnType() == int.class ? 0 : method.getReturnType() == boolean.class ? false : null;
        }
    }
}
