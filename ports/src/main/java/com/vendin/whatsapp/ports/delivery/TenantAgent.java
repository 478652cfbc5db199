package com.vendin.whatsapp.ports.delivery;

/** Calls a tenant's instance with one message (signed) and returns its answer; never throws for HTTP failures. */
public interface TenantAgent {
    AgentOutcome deliver(TenantEndpoint endpoint, AgentRequest request);
}
