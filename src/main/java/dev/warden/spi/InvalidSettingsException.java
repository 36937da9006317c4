package dev.warden.spi;

/** A provider's configuration is missing, malformed or unknown; fails start-up with this message. */
public class InvalidSettingsException extends RuntimeException {

    public InvalidSettingsException(String message) {
        super(message);
    }
}
