package dev.warden.api.auth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On the one resource method a partner calls without an API key ({@code POST /v1/webhooks/{partner}}): its
 * signature authenticates the request instead, checked by the partner's verifier. {@link ApiKeyFilter} lets exactly
 * the methods carrying it through; on a method only, so no class can open all its operations at once.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface SignedByPartner {
}
