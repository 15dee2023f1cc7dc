package io.mediahooks.api.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** Opaque pagination cursors: the last key of a page, base64url-encoded. */
public final class Cursor {

    private Cursor() {
    }

    public static String encode(String lastKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(lastKey.getBytes(StandardCharsets.UTF_8));
    }

    /** The key a page starts after; 400 naming {@code cursor} when it was not made here. */
    public static Optional<String> decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badParameter("cursor", "not a cursor returned by this API");
        }
    }
}
