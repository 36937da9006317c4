package dev.warden.bench.loadgen;

/** The keys of the report's "errors" object. */
final class ErrorKinds {

    static final String TIMEOUT = "timeout";
    static final String CONNECTION = "connection_error";

    private ErrorKinds() {
    }

    /** A response that arrived with a non-2xx status, e.g. "status_503". */
    static String status(int statusCode) {
        return "status_" + statusCode;
    }
}
