package com.vendin.whatsapp.persistence.crypto;

/** A stored credential that cannot be decrypted: altered, truncated, or encrypted under another key. */
public final class CorruptCredentialException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public CorruptCredentialException(String message) {
        super(message);
    }
}
