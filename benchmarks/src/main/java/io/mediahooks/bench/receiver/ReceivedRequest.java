package io.mediahooks.bench.receiver;

/**
 * One request as the receiver saw it: the headers a webhook receiver checks, and the raw body.
 *
 * @param close whether the client asked to close the connection after the response
 */
public record ReceivedRequest(String path, String webhookId, String timestamp, String signature, String hexSignature,
                       byte[] body, boolean close) {
}
