package com.vendin.whatsapp.ports.media;

import com.vendin.whatsapp.ports.delivery.SenderAccount;

/**
 * Streams an inbound media item from its provider with the credentials of the number it came in on: Meta's
 * media id or Twilio's {@code MediaUrl}. Never buffers the bytes; HTTP failures become results, never exceptions.
 */
public interface MediaSource {
    MediaFetch open(SenderAccount account, String media);
}
