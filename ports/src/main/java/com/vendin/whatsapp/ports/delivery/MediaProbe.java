package com.vendin.whatsapp.ports.delivery;

import com.vendin.whatsapp.ports.common.Provider;
import java.util.Optional;

/**
 * Checks, before a reply is queued, that a media item's URL answers with a file the provider accepts for its
 * kind (status, content type, size); empty when it does, else why not.
 */
@FunctionalInterface
public interface MediaProbe {
    Optional<String> problem(Provider provider, OutboundContent.Media media);
}
