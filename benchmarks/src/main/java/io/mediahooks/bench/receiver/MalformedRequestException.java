package io.mediahooks.bench.receiver;

/** The bytes on a connection are not an HTTP/1.1 request the receiver understands; the connection is closed. */
final class MalformedRequestException extends RuntimeException {

    MalformedRequestException(String message) {
        super(message);
    }
}
