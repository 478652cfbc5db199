package com.vendin.whatsapp.ports.inbound;

import java.util.List;

/** The durable record of {@code standby} items (CONTRACT §2.4's neighbour: Meta Business Agent coexistence). */
public interface StandbyLog {

    /** Records the items durably; an item whose key is already recorded is skipped. Returns how many were new. */
    int record(List<StandbyItem> items);
}
