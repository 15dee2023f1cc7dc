package io.mediahooks.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * A media event published by the CMS or an encoder on {@code media-events}.
 *
 * @param payload the event's object as received; treat it as read-only (it is what customers receive)
 * @param tags    {@code payload.tags}, empty when absent
 */
public record MediaEvent(
        EventId eventId,
        EventType eventType,
        RfcTimestamp createdAt,
        OrganizationId organizationId,
        ObjectNode payload,
        List<String> tags) {

    public MediaEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(payload, "payload");
        tags = List.copyOf(tags);
    }
}
