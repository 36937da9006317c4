package dev.warden.adapters.ncmec;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import dev.warden.spi.ConfidentialText;
import dev.warden.spi.ProviderException.Kind;
import dev.warden.spi.RetryAfter;
import dev.warden.spi.VendorResponse;
import dev.warden.spi.reporting.Exchange;
import dev.warden.spi.reporting.ReportingException;
import dev.warden.spi.reporting.StepAnswer;
import dev.warden.spi.reporting.SteppedReportingAdapter;

/**
 * What one CyberTipline answer means. {@code responseCode} decides whatever the HTTP status (P§0.2 [C]: 200 with a
 * non-zero code has been recorded, and clients parse codes out of 4xx bodies); the status decides only when there is
 * no readable answer (an empty 401, a proxy's 502). The code classes are Warden's (P§1.6 "suggested class" [U]):
 * <ul>
 * <li>0 → done; 5102 on finish and 5101/5102 on retract → already done (the partner code tells which);</li>
 * <li>4000, 4100, 4110, legacy 1001, 1210, 5002 → the report is refused; 4200 → the file is refused;</li>
 * <li>5001, and 5101/5102 on any other step → the report is gone (no longer open);</li>
 * <li>1000, 1100, 1110, 1111, 1300 → retry; 2000, 3000, 3100, 3300, or any code with HTTP 401/403 → credentials;</li>
 * <li>any other code → an answer Warden cannot read.</li>
 * </ul>
 * Messages quote NCMEC's {@code responseDescription} only through {@link ConfidentialText} (a validation message may
 * repeat a value of the report) and never after a credentials failure.
 */
final class NcmecAnswers {

    static final String REQUEST_ID = "Request-ID";
    static final String VENDOR = "NCMEC";
    /** Ref of {@link StepAnswer.Done} from finish: the files NCMEC filed, comma-separated. */
    static final String FILE_IDS = "fileIds";

    private static final int SUCCESS = 0;
    private static final int REPORT_GONE = 5001;
    private static final int ALREADY_RETRACTED = 5101;
    private static final int ALREADY_FINISHED = 5102;
    private static final int FILE_REFUSED = 4200;
    private static final Set<Integer> REFUSED = Set.of(4000, 4100, 4110, 1001, 1210, 5002);
    private static final Set<Integer> RETRYABLE = Set.of(1000, 1100, 1110, 1111, 1300);
    private static final Set<Integer> CREDENTIALS = Set.of(2000, 3000, 3100, 3300);
    /** NCMEC's ids: report ids are whole numbers of unknown size, file ids 32 hex (P§1.2); both fit here. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    /** P§1.6, for messages when NCMEC sends no description. */
    private static final Map<Integer, String> MEANINGS = meanings();

    private final String authHint;

    /** @param authHint what an operator should check when NCMEC refuses the credentials (names the keys) */
    NcmecAnswers(String authHint) {
        this.authHint = authHint;
    }

    StepAnswer classify(NcmecStep step, VendorResponse response, ConfidentialText sent) {
        Optional<String> requestId = response.header(REQUEST_ID).filter(id -> !id.isBlank());
        Optional<NcmecAnswer> answer;
        try {
            answer = NcmecAnswer.looksLikeXml(response.body()) ? NcmecAnswer.read(response.body()) : Optional.empty();
        } catch (NcmecAnswer.Unreadable e) {
            if (isSuccess(response.status())) {
                throw failure(Kind.INVALID_RESPONSE, response, Optional.empty(), requestId,
                        VENDOR + " " + step.wireName() + " answered HTTP " + response.status() + " with XML Warden"
                                + " does not read (" + e.getMessage() + ")");
            }
            answer = Optional.empty();
        }
        if (answer.isEmpty()) {
            throw byStatus(step, response, requestId);
        }
        return byCode(step, response, answer.get(), requestId, sent);
    }

    private StepAnswer byCode(NcmecStep step, VendorResponse response, NcmecAnswer answer,
            Optional<String> requestId, ConfidentialText sent) {
        String codeText = answer.responseCode();
        int code;
        try {
            code = Integer.parseInt(codeText);
        } catch (NumberFormatException e) {
            throw failure(Kind.INVALID_RESPONSE, response, Optional.empty(), requestId, VENDOR + " "
                    + step.wireName() + " answered a responseCode that is not a number");
        }
        Optional<String> partnerCode = Optional.of(Integer.toString(code));
        String summary = VENDOR + " " + step.wireName() + " answered responseCode " + code + " (HTTP "
                + response.status() + ")";
        boolean refusedCredentials = response.status() == 401 || response.status() == 403;
        if (code != SUCCESS && (CREDENTIALS.contains(code) || refusedCredentials)) {
            throw failure(Kind.AUTH, response, partnerCode, requestId, summary + ": " + authHint);
        }
        String message = summary + ": " + answer.leaf("responseDescription").map(sent::shareable)
                .orElse(MEANINGS.getOrDefault(code, "no description"));
        Exchange exchange = new Exchange(Optional.of(response.status()), partnerCode, requestId, message);
        if (code == SUCCESS) {
            return new StepAnswer.Done(exchange, refs(step, answer, response, requestId));
        }
        if (code == ALREADY_FINISHED && (step == NcmecStep.FINISH || step == NcmecStep.RETRACT)
                || code == ALREADY_RETRACTED && step == NcmecStep.RETRACT) {
            return new StepAnswer.AlreadyDone(exchange);
        }
        if (code == REPORT_GONE || code == ALREADY_FINISHED || code == ALREADY_RETRACTED) {
            return new StepAnswer.ReportGone(exchange);
        }
        if (code == FILE_REFUSED) {
            return new StepAnswer.Rejected(exchange, true);
        }
        if (REFUSED.contains(code)) {
            return new StepAnswer.Rejected(exchange, false);
        }
        if (RETRYABLE.contains(code)) {
            throw new ReportingException(Kind.UNAVAILABLE, exchange);
        }
        throw new ReportingException(Kind.INVALID_RESPONSE, new Exchange(exchange.httpStatus(), partnerCode, requestId,
                summary + ": a code Warden does not know"));
    }

    /** The ids a successful step answered; a step whose id is missing or malformed did not answer readably. */
    private static Map<String, String> refs(NcmecStep step, NcmecAnswer answer, VendorResponse response,
            Optional<String> requestId) {
        Map<String, String> refs = new HashMap<>();
        Optional<String> reportId = answer.leaf("reportId");
        Optional<String> fileId = answer.leaf("fileId");
        if (step == NcmecStep.SUBMIT && reportId.isEmpty() || step == NcmecStep.UPLOAD && fileId.isEmpty()) {
            throw failure(Kind.INVALID_RESPONSE, response, Optional.of("0"), requestId, VENDOR + " "
                    + step.wireName() + " answered responseCode 0 without the id it opens");
        }
        boolean malformed = reportId.filter(id -> !ID.matcher(id).matches()).isPresent()
                || fileId.filter(id -> !ID.matcher(id).matches()).isPresent()
                || answer.fileIds().stream().anyMatch(id -> !ID.matcher(id).matches());
        if (malformed) {
            throw failure(Kind.INVALID_RESPONSE, response, Optional.of("0"), requestId, VENDOR + " "
                    + step.wireName() + " answered an id that is not an NCMEC id");
        }
        reportId.ifPresent(id -> refs.put(SteppedReportingAdapter.REPORT_ID, id));
        if (step == NcmecStep.UPLOAD) {
            refs.put(SteppedReportingAdapter.FILE_ID, fileId.orElseThrow());
            answer.leaf("hash").map(hash -> hash.toLowerCase(Locale.ROOT))
                    .ifPresent(hash -> refs.put(SteppedReportingAdapter.FILE_MD5, hash));
        }
        if (step == NcmecStep.FINISH) {
            refs.put(FILE_IDS, String.join(",", answer.fileIds()));
        }
        return refs;
    }

    /** No readable answer: what the status alone says. */
    private ReportingException byStatus(NcmecStep step, VendorResponse response, Optional<String> requestId) {
        int status = response.status();
        String summary = VENDOR + " " + step.wireName() + " answered HTTP " + status;
        if (status == 401 || status == 403) {
            return failure(Kind.AUTH, response, Optional.empty(), requestId, summary + ": " + authHint);
        }
        if (status == 429) {
            return new ReportingException(Kind.RATE_LIMITED, new Exchange(Optional.of(status), Optional.empty(),
                    requestId, summary + ": too many requests"),
                    response.header("Retry-After").flatMap(RetryAfter::parse));
        }
        if (status == 408) {
            return failure(Kind.TIMEOUT, response, Optional.empty(), requestId, summary + ": request timeout");
        }
        if (status >= 500 && status <= 599) {
            return failure(Kind.UNAVAILABLE, response, Optional.empty(), requestId, summary
                    + " without a CyberTipline answer");
        }
        return failure(Kind.INVALID_RESPONSE, response, Optional.empty(), requestId, summary
                + " without a CyberTipline answer" + (status == 404 ? "; check base-url" : ""));
    }

    private static ReportingException failure(Kind kind, VendorResponse response, Optional<String> code,
            Optional<String> requestId, String message) {
        return new ReportingException(kind, new Exchange(Optional.of(response.status()), code, requestId,
                message));
    }

    private static boolean isSuccess(int status) {
        return status >= 200 && status <= 299;
    }

    private static Map<Integer, String> meanings() {
        Map<Integer, String> meanings = new HashMap<>();
        meanings.put(0, "Success");
        meanings.put(1000, "Server error");
        meanings.put(1001, "Malformed report submittal");
        meanings.put(1100, "Save failed");
        meanings.put(1110, "Upload failed");
        meanings.put(1111, "File upload failed");
        meanings.put(1210, "Resource not found");
        meanings.put(1300, "Update failed");
        meanings.put(4000, "Invalid request");
        meanings.put(4100, "Validation failed");
        meanings.put(4110, "Malformed XML submittal");
        meanings.put(4200, "Malformed file submittal");
        meanings.put(5001, "Report does not exist");
        meanings.put(5002, "File does not exist");
        meanings.put(5101, "Report already retracted");
        meanings.put(5102, "Report already finished");
        return Map.copyOf(meanings);
    }
}
