package com.vendin.whatsapp.persistence.message;

import com.vendin.whatsapp.ports.delivery.OutboundContent;
import com.vendin.whatsapp.ports.delivery.ReplyRoute;
import java.util.ArrayList;
import java.util.List;

/**
 * One reply part to insert into {@code outbound_messages} (public only for Jdbi binding); {@code contentType} and
 * {@code contentJson} are null for a text part (see {@link ContentCodec}).
 */
public record PartRow(
        long inboundId,
        int partIndex,
        int partCount,
        String provider,
        boolean viaPlatform,
        String fromPhoneId,
        String toRaw,
        String text,
        String contentType,
        String contentJson,
        long now) {

    static List<PartRow> of(long inboundId, ReplyRoute route, List<OutboundContent> parts, long now) {
        List<PartRow> rows = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            OutboundContent part = parts.get(i);
            rows.add(new PartRow(
                    inboundId,
                    i,
                    parts.size(),
                    route.provider().wireName(),
                    route.viaPlatform(),
                    route.fromPhoneId().orElse(null),
                    route.to(),
                    part.summary(),
                    ContentCodec.type(part),
                    ContentCodec.json(part),
                    now));
        }
        return rows;
    }
}
