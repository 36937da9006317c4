package dev.warden.adapters.aws;

import java.util.function.Supplier;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * Where the region and the credentials come from when the settings leave them out: the AWS SDK's default chains
 * (system properties, environment, profile files, container and instance metadata). A seam only so that a test can
 * give a chain that finds nothing without depending on the machine it runs on.
 */
record DefaultChains(Supplier<String> region, Supplier<AwsCredentialsProvider> credentials) {

    static final DefaultChains SDK = new DefaultChains(
            () -> DefaultAwsRegionProviderChain.builder().build().getRegion().id(),
            () -> DefaultCredentialsProvider.builder().build());
}
