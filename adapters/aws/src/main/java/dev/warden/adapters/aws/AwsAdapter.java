package dev.warden.adapters.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.smallrye.mutiny.Uni;

import dev.warden.spi.CallContext;
import dev.warden.spi.Capabilities;
import dev.warden.spi.ClassificationInput;
import dev.warden.spi.ClassifierAdapter;
import dev.warden.spi.ConfidentialText;
import dev.warden.spi.ContentPart;
import dev.warden.spi.MediaFetcher;
import dev.warden.spi.Modality;
import dev.warden.spi.ProviderException;
import dev.warden.spi.ProviderVerdict;
import dev.warden.spi.VendorHttp;
import dev.warden.spi.VendorResponse;
import dev.warden.spi.support.VendorCall;

/**
 * One AWS provider: text goes to Comprehend DetectToxicContent (in as many calls as its segments need), each image
 * to Rekognition DetectModerationLabels, all at once; the verdict keeps each category's highest score.
 */
final class AwsAdapter implements ClassifierAdapter {

    static final Capabilities CAPABILITIES = Capabilities.sync(Modality.TEXT, Modality.IMAGE);

    /** Rekognition's limit for image bytes in the request (an S3 object may be 15 MB). */
    static final long MAX_IMAGE_BYTES = 5L * 1024 * 1024;

    /** Rekognition reads PNG and JPEG only. */
    static final Set<String> IMAGE_TYPES = Set.of("image/png", "image/jpeg");

    private static final String VENDOR = "AWS";

    private final VendorHttp http;
    private final MediaFetcher media;
    private final AwsSettings settings;
    private final AwsRequestSigner signer;
    private final ComprehendVerdictReader comprehend;
    private final RekognitionVerdictReader rekognition;

    AwsAdapter(VendorHttp http, MediaFetcher media, AwsSettings settings, AwsRequestSigner signer) {
        this.http = http;
        this.media = media;
        this.settings = settings;
        this.signer = signer;
        this.comprehend = new ComprehendVerdictReader(settings.comprehendCrosswalk());
        this.rekognition = new RekognitionVerdictReader(settings.rekognitionCrosswalk());
    }

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public Uni<ProviderVerdict> classify(ClassificationInput input, CallContext context) {
        return Uni.createFrom().deferred(() -> {
            CAPABILITIES.requireSupported(input, VENDOR);
            ConfidentialText sent = settings.confidential(input);
            List<Uni<ProviderVerdict>> calls = new ArrayList<>();
            TextSegments.calls(input.texts()).forEach(segments -> calls.add(comprehend(input, segments, sent)));
            for (ContentPart.Image image : input.images()) {
                calls.add(rekognition(input, image, sent));
            }
            return calls.isEmpty() ? Uni.createFrom().item(nothingToClassify()) : merged(calls);
        });
    }

    private Uni<ProviderVerdict> comprehend(ClassificationInput input, List<String> segments, ConfidentialText sent) {
        AwsOperation operation = AwsOperation.DETECT_TOXIC_CONTENT;
        byte[] body = ComprehendRequest.body(settings.languageCode(), segments);
        return VendorCall.send(CAPABILITIES, operation.vendorName(), input,
                () -> signedSend(operation, body), response -> comprehend.read(response, segments.size()),
                AwsFailures.COMPREHEND, sent);
    }

    /** Refuses a URL the image source cannot take here, before any call is made. */
    private Uni<ProviderVerdict> rekognition(ClassificationInput input, ContentPart.Image image,
            ConfidentialText sent) {
        AwsOperation operation = AwsOperation.DETECT_MODERATION_LABELS;
        double minConfidence = settings.minConfidence();
        Supplier<Uni<VendorResponse>> exchange;
        if (settings.imageSource() == AwsSettings.ImageSource.S3) {
            byte[] body = RekognitionRequest.withS3Object(S3ObjectUrl.parse(image.url()), minConfidence);
            exchange = () -> signedSend(operation, body);
        } else if (S3ObjectUrl.looksLikeS3(image.url())) {
            throw new ProviderException(ProviderException.Kind.UNSUPPORTED, operation.vendorName()
                    + " reads s3:// image URLs only with image-source=s3");
        } else {
            exchange = () -> media.fetch(image, MAX_IMAGE_BYTES, IMAGE_TYPES)
                    .flatMap(fetched -> signedSend(operation,
                            RekognitionRequest.withBytes(fetched.bytes(), minConfidence)));
        }
        return VendorCall.send(CAPABILITIES, operation.vendorName(), input, exchange, rekognition::read,
                AwsFailures.REKOGNITION, sent);
    }

    private Uni<VendorResponse> signedSend(AwsOperation operation, byte[] body) {
        return settings.credentials().current().flatMap(credentials -> http.send(
                signer.sign(operation, settings.endpoint(operation), body, credentials)));
    }

    /** The calls run at once; the first failure fails the whole and cancels the rest. */
    private static Uni<ProviderVerdict> merged(List<Uni<ProviderVerdict>> calls) {
        return Uni.combine().all().unis(calls).with(ProviderVerdict.class, List::copyOf)
                .flatMap(verdicts -> VendorCall.all(verdicts.stream().map(verdict -> Uni.createFrom().item(verdict))
                        .toList(), verdicts.stream().map(ProviderVerdict::model).distinct()
                                .collect(Collectors.joining("+"))));
    }

    /** Only blank text: nothing a vendor could find harm in, and Comprehend refuses empty segments. */
    private static ProviderVerdict nothingToClassify() {
        return new ProviderVerdict(Map.of(), Map.of(), ComprehendVerdictReader.MODEL);
    }

    @Override
    public String toString() {
        return "AwsAdapter[" + settings + "]";
    }
}
