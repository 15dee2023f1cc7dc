package io.mediahooks.model.crypto;

/** A sealed secret that cannot be opened: its key is missing from the ring, or it was altered. */
public final class SecretDecryptionException extends RuntimeException {

    public SecretDecryptionException(String message) {
        super(message);
    }
}
