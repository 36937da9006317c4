package dev.warden.adapters.aws;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.warden.spi.VendorRequest;

import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Signs one AWS JSON 1.1 call with SigV4, using the SDK's signer (the canonical request has enough corners, such
 * as the host's default port, that a home-made signer would be a liability). The result carries every header the
 * signature covers, {@code Host} included, so the transport sends exactly what was signed.
 */
final class AwsRequestSigner {

    static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    private final HttpSigner<AwsCredentialsIdentity> signer = AwsV4HttpSigner.create();
    private final String region;
    private final Clock clock;

    AwsRequestSigner(String region, Clock clock) {
        this.region = region;
        this.clock = clock;
    }

    VendorRequest sign(AwsOperation operation, URI endpoint, byte[] body, AwsCredentialsIdentity credentials) {
        SdkHttpRequest unsigned = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(endpoint)
                .putHeader("Content-Type", CONTENT_TYPE)
                .putHeader("X-Amz-Target", operation.target())
                .build();
        SignedRequest signed = signer.sign(request -> request
                .identity(credentials)
                .request(unsigned)
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, operation.signingName())
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(HttpSigner.SIGNING_CLOCK, clock));
        Map<String, String> headers = new LinkedHashMap<>();
        signed.request().forEachHeader((name, values) -> headers.put(name, String.join(",", values)));
        return new VendorRequest("POST", signed.request().getUri(), headers, body);
    }
}
