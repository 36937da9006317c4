package dev.warden.testkit;

/** API keys of the clients {@code %test} configuration declares (only their SHA-256 is in configuration). */
public final class TestClients {

    public static final String MODERATOR_KEY = "test-moderator-key";
    public static final String ADMIN_KEY = "test-admin-key";
    public static final String REPORTER_KEY = "test-reporter-key";
    public static final String SECOND_MODERATOR_KEY = "second-moderator-key";
    /** May use only the {@code default} policy. */
    public static final String POLICY_LIMITED_KEY = "policy-limited-key";
    /** May make one request every 20 seconds. */
    public static final String RATE_LIMITED_KEY = "rate-limited-key";

    private TestClients() {
    }
}
