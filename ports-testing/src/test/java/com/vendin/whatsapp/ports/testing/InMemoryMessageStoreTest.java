package com.vendin.whatsapp.ports.testing;

import com.vendin.whatsapp.ports.testing.contract.MessageStoreContract;

class InMemoryMessageStoreTest extends MessageStoreContract {
    @Override
    protected Stores newStores(MutableClock clock) {
        InMemoryMessageStore store = new InMemoryMessageStore(clock);
        return new Stores(store, store.deliveryQueue(), store.outboundQueue(), store);
    }
}
