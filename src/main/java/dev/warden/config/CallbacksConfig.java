package dev.warden.config;

import io.smallrye.config.ConfigMapping;

/**
 * {@code warden.callbacks.*}: how Warden delivers signed callbacks to clients' receivers, and the guard each
 * receiver ({@code callback:<client>}) gets.
 */
@ConfigMapping(prefix = "warden.callbacks")
public interface CallbacksConfig extends DeliveryConfig {
}
