package io.mediahooks.worker.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.DnsResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PrefetchingDnsResolverTest {

    private final ExecutorService lookups = Executors.newFixedThreadPool(2);
    private final AtomicInteger calls = new AtomicInteger();
    private final CountDownLatch answer = new CountDownLatch(1);

    @AfterEach
    void tearDown() {
        answer.countDown();
        lookups.shutdownNow();
    }

    @Test
    void aSlowLookupNeverBlocksTheCaller() throws Exception {
        PrefetchingDnsResolver resolver = resolver(host -> {
            answer.await();
            return new InetAddress[] {InetAddress.getByName("93.184.216.34")};
        });

        CompletableFuture<Void> first = resolver.prefetch("hooks.example.com");
        CompletableFuture<Void> second = resolver.prefetch("HOOKS.example.com");
        assertThat(first).isNotDone();
        assertThat(second).as("one lookup per host, shared").isSameAs(first);

        answer.countDown();
        first.get(5, TimeUnit.SECONDS);
        assertThat(resolver.resolve("hooks.example.com")).extracting(InetAddress::getHostAddress).containsExactly("93.184.216.34");
        assertThat(resolver.resolve("hooks.example.com", 443)).hasSize(1);
        assertThat(resolver.prefetch("hooks.example.com")).isDone();
        assertThat(calls).hasValue(1);
    }

    @Test
    void servesARefusalAsItWasFound() throws Exception {
        PrefetchingDnsResolver resolver = resolver(host -> {
            throw new ForbiddenAddressException(host, "10.0.0.7", "a private address");
        });

        resolver.prefetch("rebind.example.com").get(5, TimeUnit.SECONDS);
        assertThatThrownBy(() -> resolver.resolve("rebind.example.com", 443))
                .isInstanceOf(ForbiddenAddressException.class)
                .hasMessage("rebind.example.com resolves to 10.0.0.7, a private address");
        assertThat(calls).hasValue(1);
    }

    @Test
    void answersUnprefetchedHostsDirectly() throws Exception {
        PrefetchingDnsResolver resolver = resolver(host -> new InetAddress[] {InetAddress.getByName("93.184.216.34")});
        assertThat(resolver.resolve("other.example.com")).hasSize(1);
        assertThat(calls).hasValue(1);
    }

    @Test
    void looksAgainOnceAnAnswerExpired() throws Exception {
        PrefetchingDnsResolver resolver = new PrefetchingDnsResolver(counting(host ->
                new InetAddress[] {InetAddress.getByName("93.184.216.34")}), lookups, Duration.ZERO, Duration.ZERO);
        resolver.prefetch("hooks.example.com").get(5, TimeUnit.SECONDS);
        resolver.prefetch("hooks.example.com").get(5, TimeUnit.SECONDS);
        assertThat(calls).hasValue(2);
    }

    private PrefetchingDnsResolver resolver(Lookup lookup) {
        return new PrefetchingDnsResolver(counting(lookup), lookups, Duration.ofMinutes(1), Duration.ofMinutes(1));
    }

    private DnsResolver counting(Lookup lookup) {
        return new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                calls.incrementAndGet();
                try {
                    return lookup.resolve(host);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new UnknownHostException(host);
                }
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }
        };
    }

    @FunctionalInterface
    private interface Lookup {
        InetAddress[] resolve(String host) throws UnknownHostException, InterruptedException;
    }
}
