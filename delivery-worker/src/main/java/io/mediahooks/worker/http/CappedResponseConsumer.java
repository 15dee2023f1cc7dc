package io.mediahooks.worker.http;

import io.mediahooks.model.Attempt;
import io.mediahooks.worker.outcome.SendResult;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;
import org.apache.hc.core5.http.nio.CapacityChannel;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Keeps a response's status and {@code Retry-After}, and reads its body to let the connection be
 * reused: the first {@link Attempt.Exchange#RESPONSE_BODY_BYTES} bytes are kept for the attempt
 * record, the rest discarded, and past {@code limit} the exchange is aborted (the connection
 * closes) so a huge body cannot hold the worker. The status, once seen, stands.
 */
final class CappedResponseConsumer implements AsyncResponseConsumer<SendResult.Answered> {

    private final long limit;
    private volatile SendResult.Answered head;
    private volatile boolean cutOff;
    private FutureCallback<SendResult.Answered> resultCallback;
    private long received;
    private byte[] excerpt;
    private int excerptLength;

    CappedResponseConsumer(long limit) {
        this.limit = limit;
    }

    /**
     * The request's deadline passed: the next bytes of the body fail the exchange, which closes the
     * connection at once. (Discarding the connection alone closes it gracefully, and over TLS a graceful
     * close lasts as long as the endpoint keeps sending.)
     */
    void cutOff() {
        cutOff = true;
    }

    /** The status line and headers, once they arrived. */
    Optional<SendResult.Answered> head() {
        return Optional.ofNullable(head);
    }

    @Override
    public void consumeResponse(HttpResponse response, EntityDetails entityDetails, HttpContext context,
                                FutureCallback<SendResult.Answered> callback) {
        Header retryAfter = response.getFirstHeader(HttpHeaders.RETRY_AFTER);
        head = new SendResult.Answered(response.getCode(), Optional.ofNullable(retryAfter).map(Header::getValue));
        if (entityDetails == null) {
            callback.completed(head);
        } else {
            resultCallback = callback;
        }
    }

    @Override
    public void informationResponse(HttpResponse response, HttpContext context) {
        // 1xx responses carry nothing we act on.
    }

    @Override
    public void updateCapacity(CapacityChannel capacityChannel) throws IOException {
        capacityChannel.update(Integer.MAX_VALUE);
    }

    @Override
    public void consume(ByteBuffer src) throws IOException {
        if (cutOff) {
            throw new DeadlinePassedException();
        }
        received += src.remaining();
        int keep = Math.min(src.remaining(), Attempt.Exchange.RESPONSE_BODY_BYTES - excerptLength);
        if (keep > 0) {
            if (excerpt == null) {
                excerpt = new byte[Attempt.Exchange.RESPONSE_BODY_BYTES];
            }
            src.get(excerpt, excerptLength, keep);
            excerptLength += keep;
        }
        src.position(src.limit());
        if (received > limit) {
            throw new ResponseTooLargeException(limit);
        }
    }

    @Override
    public void streamEnd(List<? extends Header> trailers) {
        resultCallback.completed(excerptLength == 0 ? head : new SendResult.Answered(head.status(), head.retryAfter(),
                Optional.of(new String(excerpt, 0, excerptLength, StandardCharsets.UTF_8))));
    }

    @Override
    public void failed(Exception cause) {
        // The exchange's callback reports the failure; the head, if any, is still read from head().
    }

    @Override
    public void releaseResources() {
        resultCallback = null;
    }

    /** The request's deadline passed while its body was still coming; the exchange is cut off. */
    static final class DeadlinePassedException extends IOException {
        private static final long serialVersionUID = 1L;

        DeadlinePassedException() {
            super("request deadline passed while the response body was still arriving");
        }
    }

    /** The body went past the limit; the exchange is cut off. */
    static final class ResponseTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        ResponseTooLargeException(long limit) {
            super("response body longer than " + limit + " bytes");
        }
    }
}
