package io.mediahooks.cli.event;

import io.mediahooks.cli.CliContext;
import io.mediahooks.cli.CliException;
import io.mediahooks.cli.RecordInput;
import io.mediahooks.cli.kafka.KafkaSession;
import io.mediahooks.model.MediaEvent;
import io.mediahooks.model.json.MediaEventCodec;
import io.mediahooks.model.kafka.Topics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mediahooks event publish}: validates one media event and publishes it keyed by its organization id. */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = {
            "Publish one media event to media-events, keyed by its organization id.",
            "Give it as a JSON file (SPEC.md, 'Media event') or with flags; it is validated as the router validates it."},
        footer = {"", "Examples:",
            "  mediahooks event publish --type VIDEO_READY --org org_42 \\",
            "      --tags sports,highlights --payload '{\"id\":\"vid_9\",\"name\":\"Final\"}'",
            "  mediahooks event publish --file event.json"})
public final class EventPublishCommand implements Callable<Integer> {

    @Option(names = "--file", paramLabel = "<file>", description = "A media event JSON file ('-' for standard input) instead of the flags.")
    Path file;

    @Option(names = "--type", paramLabel = "<type>", description = "Event type, e.g. VIDEO_READY.")
    String type;

    @Option(names = "--org", paramLabel = "<org>", description = "Organization id, e.g. org_42 (also the record key).")
    String organization;

    @Option(names = "--id", paramLabel = "<id>", description = "Event id (default: evt_ and 16 random hex digits).")
    String id;

    @Option(names = "--created-at", paramLabel = "<RFC3339>", description = "When it happened (default: now).")
    String createdAt;

    @Option(names = "--tags", paramLabel = "<a,b>", split = ",", description = "Tags, put in payload.tags (comma-separated).")
    List<String> tags = new ArrayList<>();

    @Option(names = "--payload", paramLabel = "<json>", description = "The payload, a JSON object (default {}).")
    String payload;

    private final CliContext context;

    public EventPublishCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        MediaEvent event = event();
        try (KafkaSession kafka = new KafkaSession(context.config())) {
            var topic = kafka.topics().mediaEvents();
            kafka.requireTopics(topic.name());
            var metadata = kafka.send(topic, Topics.ORGANIZATION_ID.serializer().serialize(topic.name(), event.organizationId()), event);
            context.println("Published " + event.eventType() + " " + event.eventId() + " of " + event.organizationId()
                    + " to " + topic.name() + " (partition " + metadata.partition() + ", offset " + metadata.offset() + ")");
        }
        return 0;
    }

    private MediaEvent event() {
        boolean anyFlag = type != null || organization != null || id != null || createdAt != null || !tags.isEmpty()
                || payload != null;
        if (file != null) {
            if (anyFlag) {
                throw CliException.usage("give the event either with --file or with flags, not both");
            }
            return RecordInput.decodeFile(MediaEventCodec.INSTANCE, RecordInput.read(file, System.in), file, "media event");
        }
        return new EventInput(type, organization, Optional.ofNullable(id), Optional.ofNullable(createdAt), tags,
                Optional.ofNullable(payload)).toEvent(context.clock().instant(), context.random());
    }
}
