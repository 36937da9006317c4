package dev.warden.adapters.aws;

import java.util.Optional;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

import dev.warden.spi.ProviderException;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * The credentials each call is signed with: fixed by the settings, or from the SDK's default chain, which caches
 * and refreshes what it found (instance roles, SSO, web identity). Resolving from the chain may block on files or
 * metadata endpoints, so it runs on a worker thread, never on the event loop.
 */
final class AwsCredentialSource {

    private final Optional<AwsCredentialsIdentity> fixed;
    private final AwsCredentialsProvider chain;

    private AwsCredentialSource(Optional<AwsCredentialsIdentity> fixed, AwsCredentialsProvider chain) {
        this.fixed = fixed;
        this.chain = chain;
    }

    static AwsCredentialSource fixed(AwsCredentialsIdentity credentials) {
        return new AwsCredentialSource(Optional.of(credentials), null);
    }

    /** Resolves once at once (start-up may block) so that a chain that finds nothing fails start-up. */
    static AwsCredentialSource chain(AwsCredentialsProvider chain) {
        chain.resolveCredentials();
        return new AwsCredentialSource(Optional.empty(), chain);
    }

    Uni<AwsCredentialsIdentity> current() {
        if (fixed.isPresent()) {
            return Uni.createFrom().item(fixed.get());
        }
        return Uni.createFrom().<AwsCredentialsIdentity>item(chain::resolveCredentials)
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .onFailure(failure -> !(failure instanceof ProviderException))
                .transform(failure -> new ProviderException(ProviderException.Kind.AUTH, "AWS credentials could not "
                        + "be resolved from the default chain (" + failure.getClass().getSimpleName() + ")"));
    }

    /** The access key id, which the signature carries in the clear: no secret, but no message repeats it either. */
    Optional<String> fixedAccessKeyId() {
        return fixed.map(AwsCredentialsIdentity::accessKeyId);
    }

    @Override
    public String toString() {
        return fixed.isPresent() ? "AwsCredentialSource[fixed]" : "AwsCredentialSource[default chain]";
    }
}
