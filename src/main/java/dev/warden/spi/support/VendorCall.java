package dev.warden.spi.support;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;

import dev.warden.spi.Capabilities;
import dev.warden.spi.Category;
import dev.warden.spi.ClassificationInput;
import dev.warden.spi.ConfidentialText;
import dev.warden.spi.ContentPart;
import dev.warden.spi.ProviderVerdict;
import dev.warden.spi.VendorResponse;

/**
 * The shape of every vendor call: refuse unsupported input before any network call, send, read a 2xx answer and
 * classify anything else. Everything happens on subscription, so a refusal arrives as the {@code Uni}'s failure and
 * cancelling the {@code Uni} cancels the exchange.
 */
public final class VendorCall {

    private VendorCall() {
    }

    /**
     * @param exchange builds and sends the request; may throw {@code UNSUPPORTED} for a vendor limit (it runs before
     *                 anything is sent)
     * @param on2xx    reads a 2xx answer (and may throw for an error the vendor reports inside one)
     * @param sent     what the call sends, which no failure message may quote
     */
    public static Uni<ProviderVerdict> send(Capabilities capabilities, String vendorName, ClassificationInput input,
            Supplier<Uni<VendorResponse>> exchange, Function<VendorResponse, ProviderVerdict> on2xx,
            FailurePolicy failures, ConfidentialText sent) {
        return Uni.createFrom().deferred(() -> {
            capabilities.requireSupported(input, vendorName);
            return exchange.get();
        }).map(response -> {
            if (response.status() >= 200 && response.status() <= 299) {
                return on2xx.apply(response);
            }
            throw failures.classify(response, sent);
        });
    }

    /**
     * Several calls for one piece of content (text and image to two endpoints, a long text in segments) as one
     * verdict: each category and vendor label keeps its highest score. The first failure fails the whole and
     * cancels the calls still running.
     */
    public static Uni<ProviderVerdict> all(List<Uni<ProviderVerdict>> calls, String model) {
        if (calls.isEmpty()) {
            throw new IllegalArgumentException("at least one call");
        }
        if (calls.size() == 1) {
            return calls.get(0).map(verdict -> merged(List.of(verdict), model));
        }
        return Uni.combine().all().unis(calls).with(ProviderVerdict.class, verdicts -> merged(verdicts, model));
    }

    /**
     * For vendors with one endpoint for text and one for images: one call for all the text parts (if any), one per
     * image, run together. A single call's verdict stands as it is; several are merged as {@link #all} merges them,
     * under {@code modelOfSeveral}. The calls are built on subscription, so a call that refuses its input (throws
     * {@code UNSUPPORTED} while being built) fails the {@code Uni} before anything is sent.
     *
     * @param textCall  the call for the text parts, e.g. with {@link ClassificationInput#joinedText()}
     * @param imageCall the call for one image
     */
    public static Uni<ProviderVerdict> textAndEachImage(ClassificationInput input,
            Supplier<Uni<ProviderVerdict>> textCall, Function<ContentPart.Image, Uni<ProviderVerdict>> imageCall,
            String modelOfSeveral) {
        return Uni.createFrom().deferred(() -> {
            List<Uni<ProviderVerdict>> calls = new ArrayList<>();
            if (!input.texts().isEmpty()) {
                calls.add(textCall.get());
            }
            input.images().forEach(image -> calls.add(imageCall.apply(image)));
            return oneOrAll(calls, modelOfSeveral);
        });
    }

    /** One call's verdict as it is, or several merged by {@link #all} under {@code modelOfSeveral}. */
    public static Uni<ProviderVerdict> oneOrAll(List<Uni<ProviderVerdict>> calls, String modelOfSeveral) {
        return calls.size() == 1 ? calls.get(0) : all(calls, modelOfSeveral);
    }

    private static ProviderVerdict merged(List<ProviderVerdict> verdicts, String model) {
        Map<Category, Double> scores = new EnumMap<>(Category.class);
        Map<String, Double> vendorScores = new LinkedHashMap<>();
        for (ProviderVerdict verdict : verdicts) {
            verdict.scores().forEach((category, score) -> scores.merge(category, score, Math::max));
            verdict.vendorScores().forEach((label, score) -> vendorScores.merge(label, score, Math::max));
        }
        return new ProviderVerdict(scores, vendorScores, model);
    }
}
