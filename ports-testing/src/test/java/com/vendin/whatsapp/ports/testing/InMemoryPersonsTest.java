package com.vendin.whatsapp.ports.testing;

import com.vendin.whatsapp.ports.identity.PersonDirectory;
import com.vendin.whatsapp.ports.testing.contract.PersonDirectoryContract;

class InMemoryPersonsTest extends PersonDirectoryContract {
    @Override
    protected PersonDirectory newDirectory() {
        return new InMemoryPersons();
    }
}
