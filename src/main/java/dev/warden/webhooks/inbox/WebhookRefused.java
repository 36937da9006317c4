package dev.warden.webhooks.inbox;

/** An inbound webhook refused before anything was stored; the message is for the sender's operator. */
public class WebhookRefused extends RuntimeException {

    private final Refusal refusal;

    WebhookRefused(Refusal refusal, String message) {
        super(message, null, false, false);
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}
