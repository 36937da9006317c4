package dev.warden.adapters.ncmec;

/** The CyberTipline calls a report goes through (P§1.2 [C]); the wire name is also the attempt's step. */
enum NcmecStep {
    SUBMIT("submit"),
    UPLOAD("upload"),
    FILEINFO("fileinfo"),
    FINISH("finish"),
    RETRACT("retract");

    private final String wireName;

    NcmecStep(String wireName) {
        this.wireName = wireName;
    }

    String wireName() {
        return wireName;
    }

    /** Appended to the base URL: {@code /submit}, … */
    String path() {
        return "/" + wireName;
    }
}
