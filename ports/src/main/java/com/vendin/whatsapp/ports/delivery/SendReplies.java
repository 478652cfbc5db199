package com.vendin.whatsapp.ports.delivery;

import java.util.List;

/** Use case driven by the send workers: claim due reply parts, then send each from the right number. */
public interface SendReplies {

    List<PendingPart> claimDue(int max);

    /** Sends one claimed part and records the outcome (accepted, retry later, or failed). */
    void send(PendingPart part);
}
