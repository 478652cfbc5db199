package com.vendin.whatsapp.ports.inbound;

/** What became of one webhook's items once they were durably recorded. */
public record BatchReceipt(int accepted, int duplicates, int unroutable, int rateLimited, int statuses) {}
