package dev.warden.testkit;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import dev.warden.spi.Category;
import dev.warden.spi.ClassificationInput;
import dev.warden.spi.Modality;
import dev.warden.spi.ProviderException;

/**
 * What the conformance kit needs to know about one vendor: canned clean and flagged answers per modality (from the
 * vendor's documentation), the categories a flagged answer must become, and the vendor's own failures and limits.
 * {@code vendor} is {@code null} for an adapter that classifies in process.
 */
public interface VendorFixtures {

    /** Stubs the vendor so that classifying the kit's sample of {@code modality} answers "nothing found". */
    void stubClean(WireMockServer vendor, Modality modality);

    /** Stubs the vendor so that classifying the kit's sample of {@code modality} answers {@link #expectedFlagged}. */
    void stubFlagged(WireMockServer vendor, Modality modality);

    /**
     * The categories and scores the flagged answer becomes, exactly (tolerance 1e-9). Categories not listed must be
     * absent or at most {@link #cleanMaximum()}.
     */
    Map<Category, Double> expectedFlagged(Modality modality);

    /** Every score of a clean answer is at most this. */
    default double cleanMaximum() {
        return 0.1;
    }

    /**
     * What identifies our credentials on the wire (in a header, the query or the body) given the kit's settings.
     * Empty, the default, means the values of the descriptor's secret settings. AWS: the access key id (the secret key
     * itself never travels).
     */
    default List<String> credentialsOnWire(Map<String, String> settings) {
        return List.of();
    }

    /** The text the kit classifies in the flagged test; an in-process classifier returns one its rules flag. */
    default String flaggedText(String sampleText) {
        return sampleText;
    }

    /** Failures only this vendor has (its error codes, errors in 2xx bodies), each with the kind it must become. */
    default List<VendorFailure> vendorFailures() {
        return List.of();
    }

    /** Inputs of supported modalities the vendor cannot take (too many images, too long): {@code UNSUPPORTED}. */
    default List<ClassificationInput> unsupportedInputs() {
        return List.of();
    }

    /** Deviations from the kit's failure matrix, each documented in the adapter's README. */
    default Map<FailureCase, ProviderException.Kind> kindOverrides() {
        return Map.of();
    }

    /** What the vendor posts to the callback URL, for adapters that answer by callback. */
    default String callbackBody(boolean flagged) {
        throw new UnsupportedOperationException("an adapter that answers by callback gives callback bodies");
    }
}
