package io.mediahooks.worker.safety;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.apache.hc.client5.http.DnsResolver;

/**
 * Looks hosts up ahead of each request on its own threads, and serves the HTTP client from what
 * it found. The client resolves on whichever thread starts a connection (the poll thread, the
 * outcome thread), so without this a slow DNS server would stall every delivery; with it, only the
 * deliveries to that host wait. The delegate's answer is kept, refusal included, for a short time:
 * the client connects to exactly the addresses the guard checked.
 */
public final class PrefetchingDnsResolver implements DnsResolver {

    private static final int MAX_HOSTS = 10_000;

    private final DnsResolver delegate;
    private final Executor lookups;
    private final long ttlNanos;
    private final long failureTtlNanos;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    public PrefetchingDnsResolver(DnsResolver delegate, Executor lookups, Duration ttl, Duration failureTtl) {
        this.delegate = delegate;
        this.lookups = lookups;
        this.ttlNanos = ttl.toNanos();
        this.failureTtlNanos = failureTtl.toNanos();
    }

    /** Completes once {@code host} has a fresh answer (addresses or a failure) to serve; at once when it has. */
    public CompletableFuture<Void> prefetch(String host) {
        String key = key(host);
        long now = System.nanoTime();
        Entry current = cache.get(key);
        if (current != null && current.freshAt(now)) {
            return current.ready;
        }
        if (cache.size() >= MAX_HOSTS) {
            cache.values().removeIf(entry -> !entry.freshAt(now));
        }
        Entry pending = new Entry(new CompletableFuture<>());
        Entry winner = cache.compute(key, (k, existing) -> existing != null && existing.freshAt(now) ? existing : pending);
        if (winner == pending) {
            lookups.execute(() -> lookUp(key, pending));
        }
        return winner.ready;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        Entry entry = cache.get(key(host));
        if (entry != null && entry.ready.isDone() && entry.freshAt(System.nanoTime())) {
            if (entry.failure != null) {
                throw entry.failure;
            }
            return entry.addresses.clone();
        }
        // Not prefetched (or just expired): answer anyway, on the caller's thread.
        return delegate.resolve(host);
    }

    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
        List<InetSocketAddress> addresses = new ArrayList<>();
        for (InetAddress address : resolve(host)) {
            addresses.add(new InetSocketAddress(address, port));
        }
        return addresses;
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return delegate.resolveCanonicalHostname(host);
    }

    private void lookUp(String host, Entry entry) {
        try {
            entry.addresses = delegate.resolve(host);
            entry.expiresAt = System.nanoTime() + ttlNanos;
        } catch (UnknownHostException e) {
            entry.failure = e;
            entry.expiresAt = System.nanoTime() + failureTtlNanos;
        } catch (RuntimeException e) {
            UnknownHostException failure = new UnknownHostException(host + ": " + e.getMessage());
            failure.initCause(e);
            entry.failure = failure;
            entry.expiresAt = System.nanoTime() + failureTtlNanos;
        } finally {
            entry.ready.complete(null);
        }
    }

    private static String key(String host) {
        return host.toLowerCase(Locale.ROOT);
    }

    /** One host's answer; written once by the lookup thread before {@code ready} completes. */
    private static final class Entry {
        final CompletableFuture<Void> ready;
        volatile InetAddress[] addresses;
        volatile UnknownHostException failure;
        volatile long expiresAt = Long.MAX_VALUE;

        Entry(CompletableFuture<Void> ready) {
            this.ready = ready;
        }

        boolean freshAt(long nanos) {
            // A lookup in progress counts as fresh: callers wait for it rather than start another.
            return !ready.isDone() || nanos - expiresAt < 0;
        }
    }
}
