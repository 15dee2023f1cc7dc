package io.mediahooks.api.deliveries;

import io.mediahooks.api.http.ApiProblem;
import io.mediahooks.api.kafka.ViewWriter;
import io.mediahooks.api.views.RecoverJob;
import io.mediahooks.api.views.RecoverJobCodec;
import io.mediahooks.api.views.Views;
import io.mediahooks.model.Delivery;
import io.mediahooks.model.InvalidRecordException;
import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.Subscription;
import io.mediahooks.model.json.DeliveryCodec;
import io.mediahooks.model.kafka.Topic;
import io.mediahooks.model.kafka.Topics;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.Serdes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recover jobs: a webhook's dead letters in a window, replayed in the background as the CLI's
 * {@code dead-letters replay} does ({@link Delivery#replayed()}: same delivery id and body, attempts
 * reset, back on {@code webhook-deliveries}). Job state lives on the compacted jobs topic, so every
 * instance answers for every job; the instance that accepted a job runs it, and renews the record of
 * each job it holds (queued or running) every {@link #HEARTBEAT}. A job whose record has not been
 * renewed for {@link #SILENCE} lost its instance and is reported failed by every instance.
 */
public final class RecoverJobs implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RecoverJobs.class);
    private static final int PROGRESS_EVERY = 100;
    /** How often an instance renews the record of each job it holds. */
    static final Duration HEARTBEAT = Duration.ofSeconds(10);
    /** How long a job's record may go unrenewed before the job counts as abandoned: six missed heartbeats. */
    static final Duration SILENCE = HEARTBEAT.multipliedBy(6);

    private final Views views;
    private final ViewWriter writer;
    private final Topics topics;
    private final Topic<String, byte[]> jobsTopic;
    private final DeadLetterQueries deadLetters;
    private final Clock clock;
    private final SecureRandom random;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> daemon(runnable, "api-recover-jobs"));
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(
            runnable -> daemon(runnable, "api-recover-heartbeat"));
    /** The latest record of each job this instance holds and has not finished; guarded by {@code this}. */
    private final Map<String, RecoverJob> held = new LinkedHashMap<>();

    public RecoverJobs(Views views, ViewWriter writer, Topics topics, String jobsTopic, DeadLetterQueries deadLetters,
                       Clock clock, SecureRandom random) {
        this.views = views;
        this.writer = writer;
        this.topics = topics;
        this.jobsTopic = jobsTopic(jobsTopic);
        this.deadLetters = deadLetters;
        this.clock = clock;
        this.random = random;
        heartbeat.scheduleWithFixedDelay(this::renewHeldJobs, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    /** The jobs topic: key job id, value job JSON, compacted. */
    public static Topic<String, byte[]> jobsTopic(String name) {
        return new Topic<>(name, Serdes.String(), Serdes.ByteArray(), true);
    }

    public RecoverJob start(Subscription webhook, Instant since, Optional<Instant> until) {
        if (until.isPresent() && !since.isBefore(until.get())) {
            throw ApiProblem.invalid("until", "must be after since");
        }
        byte[] suffix = new byte[8];
        random.nextBytes(suffix);
        Instant now = now();
        RecoverJob job = new RecoverJob("job_" + HexFormat.of().formatHex(suffix), webhook.organizationId(), webhook.id(), since,
                until, RecoverJob.State.QUEUED, 0, 0, Optional.empty(), now, now);
        save(job);
        executor.execute(() -> run(job));
        return job;
    }

    public RecoverJob get(OrganizationId organization, String id) {
        byte[] bytes = views.jobs().get(id);
        Optional<RecoverJob> job = Optional.empty();
        if (bytes != null) {
            try {
                job = Optional.of(RecoverJobCodec.decode(bytes));
            } catch (InvalidRecordException e) {
                job = Optional.empty();
            }
        }
        return job.filter(j -> j.organizationId().equals(organization))
                .map(j -> j.asSeenAt(now(), SILENCE))
                .orElseThrow(() -> ApiProblem.notFound("no job " + id));
    }

    private void run(RecoverJob queued) {
        RecoverJob job = queued.progressed(RecoverJob.State.RUNNING, 0, 0, Optional.empty(), now());
        int replayed = 0;
        try {
            save(job);
            List<Delivery> matched = new ArrayList<>();
            deadLetters.forEach(job.subscriptionId().value(), job.since(), job.until(), matched::add);
            for (Delivery deadLetter : matched) {
                Delivery again = deadLetter.replayed();
                writer.send(topics.deliveries(), again.subscriptionId(), DeliveryCodec.INSTANCE.encode(again));
                if (++replayed % PROGRESS_EVERY == 0) {
                    job = job.progressed(RecoverJob.State.RUNNING, matched.size(), replayed, Optional.empty(), now());
                    save(job);
                }
            }
            job = job.progressed(RecoverJob.State.SUCCEEDED, matched.size(), replayed, Optional.empty(), now());
            save(job);
            LOG.info("Recover job {} for webhook {} replayed {} dead letters", job.id(), job.subscriptionId(), replayed);
        } catch (RuntimeException e) {
            // A job's failure is reported on the job, not thrown into the executor where nobody would see it.
            LOG.warn("Recover job {} failed after {} replays: {}", job.id(), replayed, e.getMessage());
            RecoverJob failed = job.progressed(RecoverJob.State.FAILED, job.matched(), replayed,
                    Optional.of(String.valueOf(e.getMessage())), now());
            try {
                save(failed);
            } catch (RuntimeException ignored) {
                LOG.warn("Recover job {}: could not record the failure either", job.id());
            }
        }
    }

    /** Writes the job's record and keeps it among the held jobs until it is finished; one writer at a time, so renewals never overtake progress. */
    private synchronized void save(RecoverJob job) {
        if (job.state() == RecoverJob.State.QUEUED || job.state() == RecoverJob.State.RUNNING) {
            held.put(job.id(), job);
        } else {
            held.remove(job.id());
        }
        byte[] bytes = RecoverJobCodec.encode(job);
        writer.write(jobsTopic, job.id(), bytes, () -> Arrays.equals(views.jobs().get(job.id()), bytes));
    }

    private synchronized void renewHeldJobs() {
        for (RecoverJob job : List.copyOf(held.values())) {
            try {
                save(job.progressed(job.state(), job.matched(), job.replayed(), job.error(), now()));
            } catch (RuntimeException e) {
                LOG.warn("Recover job {}: could not renew its record: {}", job.id(), e.getMessage());
            }
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
