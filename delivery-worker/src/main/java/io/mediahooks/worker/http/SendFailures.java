package io.mediahooks.worker.http;

import io.mediahooks.worker.outcome.SendResult;
import io.mediahooks.worker.safety.ForbiddenAddressException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;

/** Turns what the HTTP client threw into a typed {@link SendResult} with a one-line reason. */
final class SendFailures {

    private static final int MAX_MESSAGE = 300;

    private SendFailures() {
    }

    static SendResult describe(Throwable thrown, Duration elapsed) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof ForbiddenAddressException) {
                return new SendResult.Refused(oneLine(cause.getMessage()));
            }
            if (cause instanceof ConnectTimeoutException) {
                return new SendResult.Failed("connect timed out: " + oneLine(cause.getMessage()));
            }
            if (cause instanceof TimeoutException || cause instanceof InterruptedIOException) {
                // SocketTimeoutException is an InterruptedIOException: the endpoint went quiet.
                return new SendResult.TimedOut(elapsed);
            }
            if (cause instanceof UnknownHostException) {
                return new SendResult.Failed("unknown host: " + oneLine(cause.getMessage()));
            }
            if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
                return new SendResult.Failed("connection failed: " + oneLine(cause.getMessage()));
            }
            if (cause instanceof SSLException) {
                return new SendResult.Failed("TLS failed: " + oneLine(cause.getMessage()));
            }
        }
        return new SendResult.Failed(thrown.getClass().getSimpleName() + ": " + oneLine(thrown.getMessage()));
    }

    static String oneLine(String message) {
        if (message == null) {
            return "no detail";
        }
        String line = message.replaceAll("\\s+", " ").trim();
        return line.length() > MAX_MESSAGE ? line.substring(0, MAX_MESSAGE) + "..." : line;
    }
}
