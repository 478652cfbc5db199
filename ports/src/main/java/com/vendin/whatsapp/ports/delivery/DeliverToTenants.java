package com.vendin.whatsapp.ports.delivery;

import java.util.List;

/** Use case driven by the delivery workers: claim due messages, then deliver each to its tenant and queue the reply. */
public interface DeliverToTenants {

    List<PendingDelivery> claimDue(int max);

    /** Delivers one claimed message and records the outcome (forwarded with reply, retry later, or dead). */
    void deliver(PendingDelivery delivery);
}
