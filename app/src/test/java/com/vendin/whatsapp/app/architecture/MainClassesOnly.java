package com.vendin.whatsapp.app.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;

/** Main classes only: leaves out test classes, whether in a {@code test-classes} folder or a {@code -tests.jar}. */
public final class MainClassesOnly implements ImportOption {
    private final ImportOption doNotIncludeTests = new DoNotIncludeTests();

    @Override
    public boolean includes(Location location) {
        return doNotIncludeTests.includes(location)
                && !location.asURI().toString().contains("-tests.jar");
    }
}
