package io.mediahooks.bench.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.mediahooks.model.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The API row of the benchmarks: closed-loop clients against a running management API (for
 * instance {@code ./mediahooks local}, with the pipeline delivering next to it), first
 * {@code POST /v1/webhooks} for a while, then {@code GET /v1/webhooks} (a page of 50) for as long;
 * requests per second, p50 and p99 of each.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.mediahooks.bench.api.ApiLoad URL ADMIN_TOKEN [clients] [seconds]</pre>
 */
public final class ApiLoad {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    private ApiLoad(URI base) {
        this.base = base;
    }

    /** What one phase measured. */
    record Result(String name, long ok, long failed, double seconds, long[] latenciesMicros) {
        String line() {
            long[] sorted = latenciesMicros.clone();
            Arrays.sort(sorted);
            return String.format(Locale.ROOT, "%-20s %8.0f req/s  p50 %6.1f ms  p99 %6.1f ms  (%d ok, %d failed, %.0f s)",
                    name, ok / seconds, percentile(sorted, 50) / 1000.0, percentile(sorted, 99) / 1000.0, ok, failed, seconds);
        }

        private static long percentile(long[] sorted, double p) {
            return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100 * sorted.length) - 1)];
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: ApiLoad URL ADMIN_TOKEN [clients=8] [seconds=20]");
            System.exit(2);
        }
        ApiLoad load = new ApiLoad(URI.create(args[0]));
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        String organization = "org_bench_" + Long.toHexString(System.nanoTime());
        String key = load.createKey(args[1], organization);
        System.out.println("organization " + organization + ", " + clients + " clients, " + seconds + " s per phase");
        load.run("warm-up POST", clients, 5, key, true);
        System.out.println(load.run("POST /v1/webhooks", clients, seconds, key, true).line());
        load.run("warm-up GET", clients, 5, key, false);
        System.out.println(load.run("GET /v1/webhooks", clients, seconds, key, false).line());
    }

    private String createKey(String adminToken, String organization) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/v1/organizations/" + organization + "/api-keys"))
                .header("Authorization", "Bearer " + adminToken).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("could not create a key: " + response.statusCode() + " " + response.body());
        }
        JsonNode body = Json.parseObject(response.body().getBytes(StandardCharsets.UTF_8));
        return body.get("key").asText();
    }

    private Result run(String name, int clients, int seconds, String key, boolean post) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> futures = new ArrayList<>();
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                long[] latencies = new long[1024];
                int count = 0;
                int i = 0;
                while (System.nanoTime() < deadline) {
                    HttpRequest request = post
                            ? HttpRequest.newBuilder(base.resolve("/v1/webhooks")).header("Authorization", "Bearer " + key)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"https://hooks.example.com/" + client + "/" + i++
                                            + "\",\"events\":[\"VIDEO_READY\"],\"conditions\":[{\"type\":\"has_tag\",\"name\":\"sports\"}],"
                                            + "\"enabled\":false}")).build()
                            : HttpRequest.newBuilder(base.resolve("/v1/webhooks?limit=50")).header("Authorization", "Bearer " + key)
                                    .GET().build();
                    long t0 = System.nanoTime();
                    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    long micros = (System.nanoTime() - t0) / 1000;
                    if (response.statusCode() / 100 == 2) {
                        ok.incrementAndGet();
                        if (count == latencies.length) {
                            latencies = Arrays.copyOf(latencies, count * 2);
                        }
                        latencies[count++] = micros;
                    } else {
                        failed.incrementAndGet();
                    }
                }
                return Arrays.copyOf(latencies, count);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> future : futures) {
            all.add(future.get());
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        long[] merged = all.stream().flatMapToLong(Arrays::stream).toArray();
        return new Result(name, ok.get(), failed.get(), elapsed, merged);
    }
}
