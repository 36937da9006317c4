package dev.warden.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import dev.warden.spi.InvalidSettingsException;

/** For an adapter's settings tests: bad settings must fail start-up with an {@link InvalidSettingsException}. */
public final class KitSettings {

    private KitSettings() {
    }

    /** What {@code read} fails with; fails the test when it reads without one. */
    public static InvalidSettingsException refused(ThrowingCallable read) {
        InvalidSettingsException failure = catchThrowableOfType(InvalidSettingsException.class, read);
        assertThat(failure).as("an InvalidSettingsException").isNotNull();
        return failure;
    }
}
