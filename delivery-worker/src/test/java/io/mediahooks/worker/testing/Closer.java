package io.mediahooks.worker.testing;

import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Closes what a test opened, last opened first, after each test: receivers, harnesses, workers.
 * Register with {@code @RegisterExtension final Closer closer = new Closer();}.
 */
public final class Closer implements AfterEachCallback {

    private final Deque<AutoCloseable> open = new ArrayDeque<>();

    /** Closes {@code resource} after the test; returns it. */
    public <T extends AutoCloseable> T add(T resource) {
        open.push(resource);
        return resource;
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        Exception first = null;
        while (!open.isEmpty()) {
            try {
                open.pop().close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
