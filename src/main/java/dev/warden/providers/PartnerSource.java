package dev.warden.providers;

import java.util.Collection;

/** A CDI bean that builds the partners of one kind at start-up; the {@link PartnerRegistry} lists them all. */
public interface PartnerSource {

    Collection<? extends Partner> partners();
}
