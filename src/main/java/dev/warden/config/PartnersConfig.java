package dev.warden.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;

/**
 * {@code warden.partners.<id>.*}: partners that are not classifiers, by type ({@code review} today; reporting partners
 * such as {@code dsa-transparency} or {@code ncmec} next). Each delivers like a callback receiver (the
 * {@link DeliveryConfig} keys, with the same defaults) and may call Warden back at {@code /v1/webhooks/<id>}. Checked
 * at start-up by {@code dev.warden.partners.PartnerTypes} and the source of each type.
 */
@ConfigMapping(prefix = "warden.partners")
public interface PartnersConfig {

    @WithParentName
    Map<String, Partner> all();

    interface Partner extends DeliveryConfig {

        /** What the partner is; an unknown type fails start-up. Text, so the message can list the known ones. */
        String type();

        /** Where Warden sends the partner's events. */
        Optional<String> url();

        /** {@code whsec_} secrets the partner signs its webhooks with; several during a rotation. */
        Optional<List<String>> webhookSecrets();

        /** The {@code whsec_} secret Warden signs what it sends with; default: the first webhook secret. */
        Optional<String> signingSecret();

        @WithDefault("true")
        boolean enabled();
    }
}
