package dev.warden.adapters.hive;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

import dev.warden.spi.CallContext;
import dev.warden.spi.Capabilities;
import dev.warden.spi.ClassificationInput;
import dev.warden.spi.ClassifierAdapter;
import dev.warden.spi.ConfidentialText;
import dev.warden.spi.ProviderException;
import dev.warden.spi.ProviderVerdict;
import dev.warden.spi.VendorHttp;
import dev.warden.spi.VendorRequest;
import dev.warden.spi.VendorResponse;
import dev.warden.spi.support.MultipartBody;
import dev.warden.spi.support.StrictJson;
import dev.warden.spi.support.VendorCall;

/**
 * One Hive provider: text through the text project, images through the visual project, one task per call to
 * {@code /task/sync}, or one task to {@code /task/async} whose answer Hive posts to the callback URL. The SPI carries
 * one pending job per call, so input that needs several tasks (text with an image, several images) goes sync.
 */
final class HiveAdapter implements ClassifierAdapter {

    private static final String CALLBACK_FIELD = "callback_url";
    private static final String METADATA_FIELD = "metadata";

    private final VendorHttp http;
    private final HiveSettings settings;
    private final Capabilities capabilities;
    private final HiveVerdictReader reader;

    HiveAdapter(VendorHttp http, HiveSettings settings) {
        this.http = http;
        this.settings = settings;
        this.capabilities = new Capabilities(settings.modalities(), settings.mode() != HiveMode.SYNC);
        this.reader = new HiveVerdictReader(settings.textClasses(), settings.visualClasses());
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    @Override
    public Uni<ProviderVerdict> classify(ClassificationInput input, CallContext context) {
        return Uni.createFrom().deferred(() -> {
            capabilities.requireSupported(input, HiveVerdictReader.VENDOR);
            List<HiveTask> tasks = HiveTask.plan(input, settings.maxTextLength());
            Optional<String> callbackUrl = callbackFor(tasks, context);
            // The callback URL's token is as secret as the keys: a vendor message quoting it is withheld too.
            ConfidentialText sent = ConfidentialText.of(input, settings.secretValues()).with(callbackUrl.stream()
                    .toArray(String[]::new));
            if (callbackUrl.isPresent()) {
                return send(input, request(tasks.get(0), callbackUrl), sent,
                        response -> HiveAck.read(StrictJson.object(response, HiveVerdictReader.VENDOR)));
            }
            List<Uni<ProviderVerdict>> calls = tasks.stream().map(task -> send(input, request(task, Optional.empty()),
                    sent, response -> reader.read(StrictJson.object(response, HiveVerdictReader.VENDOR),
                            task.project()))).toList();
            return VendorCall.oneOrAll(calls, HiveVerdictReader.DEFAULT_MODEL);
        });
    }

    /** The callback body names its project in the echoed metadata; failed tasks throw their kind. */
    @Override
    public ProviderVerdict parseCallback(byte[] body) {
        JsonNode task = StrictJson.object(body, HiveVerdictReader.VENDOR);
        return reader.read(task, HiveProject.of(task));
    }

    /** The callback URL when this call goes async; refuses what {@code mode=async} cannot do before any call. */
    private Optional<String> callbackFor(List<HiveTask> tasks, CallContext context) {
        Optional<String> callbackUrl = settings.mode() == HiveMode.SYNC ? Optional.empty() : context.callbackUrl();
        boolean oneTask = tasks.size() == 1;
        if (settings.mode() == HiveMode.ASYNC && (callbackUrl.isEmpty() || !oneTask)) {
            throw new ProviderException(ProviderException.Kind.UNSUPPORTED, callbackUrl.isEmpty()
                    ? "Hive with mode async answers only by callback: use an async moderation"
                    : "Hive with mode async answers one task per callback, got " + tasks.size()
                            + " (text and each image are separate tasks): use mode auto");
        }
        return oneTask ? callbackUrl : Optional.empty();
    }

    private VendorRequest request(HiveTask task, Optional<String> callbackUrl) {
        MultipartBody body = MultipartBody.of().field(task.field(), task.content());
        callbackUrl.ifPresent(url -> body.field(CALLBACK_FIELD, url).field(METADATA_FIELD, task.project().metadata()));
        return body.post(callbackUrl.isPresent() ? settings.asyncUri() : settings.syncUri(),
                Map.of("Authorization", "Token " + settings.apiKey(task.project())));
    }

    private Uni<ProviderVerdict> send(ClassificationInput input, VendorRequest request, ConfidentialText sent,
            Function<VendorResponse, ProviderVerdict> on2xx) {
        return VendorCall.send(capabilities, HiveVerdictReader.VENDOR, input, () -> http.send(request), on2xx,
                HiveFailures.POLICY, sent);
    }

    @Override
    public String toString() {
        return "HiveAdapter[" + settings + "]";
    }
}
