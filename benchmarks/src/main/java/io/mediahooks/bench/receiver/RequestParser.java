package io.mediahooks.bench.receiver;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Cuts HTTP/1.1 requests out of a connection's read buffer, keeping only what the receiver looks
 * at. Stateless: a request that has not fully arrived is parsed again on the next read, which is
 * cheap because webhook requests are small and nearly always arrive in one read.
 */
final class RequestParser {

    private static final int MAX_HEADER_BYTES = 16 * 1024;

    private final String hexSignatureHeader;

    RequestParser(String hexSignatureHeader) {
        this.hexSignatureHeader = hexSignatureHeader.toLowerCase(Locale.ROOT);
    }

    /** What the parser found at the head of the buffer. */
    sealed interface Result permits Incomplete, AwaitingBody, Parsed {
    }

    /** Not even the headers are in yet. */
    record Incomplete() implements Result {
    }

    /** The headers are in and ask for {@code 100 Continue} before the body is sent. */
    record AwaitingBody(boolean expectsContinue) implements Result {
    }

    /** A whole request, already consumed from the buffer. */
    record Parsed(ReceivedRequest request) implements Result {
    }

    private static final Incomplete INCOMPLETE = new Incomplete();

    /**
     * Parses one request starting at {@code buffer.position()} (a buffer in read mode). On
     * {@link Parsed} the position has moved past the request; otherwise it is unchanged.
     *
     * @throws MalformedRequestException when the bytes are not an HTTP/1.1 request this receiver understands
     */
    Result parse(ByteBuffer buffer) {
        byte[] bytes = buffer.array();
        int start = buffer.arrayOffset() + buffer.position();
        int end = buffer.arrayOffset() + buffer.limit();
        int headerEnd = indexOfBlankLine(bytes, start, end);
        if (headerEnd < 0) {
            if (end - start > MAX_HEADER_BYTES) {
                throw new MalformedRequestException("request headers longer than " + MAX_HEADER_BYTES + " bytes");
            }
            return INCOMPLETE;
        }
        Head head = Head.parse(new String(bytes, start, headerEnd - start, StandardCharsets.ISO_8859_1), hexSignatureHeader);
        int bodyStart = headerEnd + 4;
        Body body = head.chunked ? Chunked.read(bytes, bodyStart, end) : fixed(bodyStart, end, head.contentLength);
        if (body == null) {
            return new AwaitingBody(head.expectsContinue);
        }
        buffer.position(body.next - buffer.arrayOffset());
        return new Parsed(new ReceivedRequest(head.path, head.webhookId, head.timestamp, head.signature, head.hexSignature,
                body.bytes(bytes), head.close));
    }

    private static Body fixed(int bodyStart, int end, long contentLength) {
        if (end - bodyStart < contentLength) {
            return null;
        }
        return new Body(bodyStart, (int) contentLength, bodyStart + (int) contentLength, null);
    }

    private static int indexOfBlankLine(byte[] bytes, int from, int to) {
        for (int i = from; i + 3 < to; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Where a body lies in the buffer, or its bytes when it had to be reassembled from chunks. */
    private record Body(int offset, int length, int next, byte[] assembled) {

        byte[] bytes(byte[] buffer) {
            if (assembled != null) {
                return assembled;
            }
            byte[] copy = new byte[length];
            System.arraycopy(buffer, offset, copy, 0, length);
            return copy;
        }
    }

    /** The request line and the headers the receiver reads. */
    private static final class Head {
        String path;
        long contentLength;
        boolean chunked;
        boolean expectsContinue;
        boolean close;
        String webhookId;
        String timestamp;
        String signature;
        String hexSignature;

        static Head parse(String text, String hexSignatureHeader) {
            Head head = new Head();
            int lineEnd = text.indexOf("\r\n");
            String requestLine = lineEnd < 0 ? text : text.substring(0, lineEnd);
            int firstSpace = requestLine.indexOf(' ');
            int secondSpace = requestLine.indexOf(' ', firstSpace + 1);
            if (firstSpace < 0 || secondSpace < 0 || !requestLine.startsWith("HTTP/1.", secondSpace + 1)) {
                throw new MalformedRequestException("not an HTTP/1.x request line: " + requestLine);
            }
            head.path = requestLine.substring(firstSpace + 1, secondSpace);
            int lineStart = lineEnd + 2;
            while (lineEnd >= 0 && lineStart < text.length()) {
                lineEnd = text.indexOf("\r\n", lineStart);
                String line = lineEnd < 0 ? text.substring(lineStart) : text.substring(lineStart, lineEnd);
                head.header(line, hexSignatureHeader);
                lineStart = lineEnd + 2;
            }
            return head;
        }

        private void header(String line, String hexSignatureHeader) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new MalformedRequestException("malformed header line: " + line);
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> contentLength = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "expect" -> expectsContinue = value.equalsIgnoreCase("100-continue");
                case "connection" -> close = value.equalsIgnoreCase("close");
                case "webhook-id" -> webhookId = value;
                case "webhook-timestamp" -> timestamp = value;
                case "webhook-signature" -> signature = value;
                default -> {
                    if (name.equals(hexSignatureHeader)) {
                        hexSignature = value;
                    }
                }
            }
        }
    }

    /** Reassembles a chunked body, or answers null while it is incomplete. */
    private static final class Chunked {

        static Body read(byte[] bytes, int from, int end) {
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            int at = from;
            while (true) {
                int lineEnd = indexOfCrlf(bytes, at, end);
                if (lineEnd < 0) {
                    return null;
                }
                String sizeText = new String(bytes, at, lineEnd - at, StandardCharsets.ISO_8859_1);
                int semicolon = sizeText.indexOf(';');
                int size = Integer.parseInt((semicolon < 0 ? sizeText : sizeText.substring(0, semicolon)).trim(), 16);
                at = lineEnd + 2;
                if (size == 0) {
                    // Trailers (none expected) end with a blank line.
                    int trailerEnd = indexOfCrlf(bytes, at, end);
                    while (trailerEnd > at) {
                        at = trailerEnd + 2;
                        trailerEnd = indexOfCrlf(bytes, at, end);
                    }
                    if (trailerEnd < 0) {
                        return null;
                    }
                    byte[] assembled = body.toByteArray();
                    return new Body(0, assembled.length, trailerEnd + 2, assembled);
                }
                if (end - at < size + 2) {
                    return null;
                }
                body.write(bytes, at, size);
                at += size + 2;
            }
        }

        private static int indexOfCrlf(byte[] bytes, int from, int to) {
            for (int i = from; i + 1 < to; i++) {
                if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                    return i;
                }
            }
            return -1;
        }
    }
}
