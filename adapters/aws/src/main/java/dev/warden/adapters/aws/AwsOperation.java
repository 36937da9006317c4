package dev.warden.adapters.aws;

/** The two AWS operations the adapter calls: both {@code POST /} in AWS JSON 1.1, chosen by {@code X-Amz-Target}. */
enum AwsOperation {

    DETECT_TOXIC_CONTENT("Comprehend", "comprehend", "Comprehend_20171127.DetectToxicContent"),
    DETECT_MODERATION_LABELS("Rekognition", "rekognition", "RekognitionService.DetectModerationLabels");

    private final String vendorName;
    private final String signingName;
    private final String target;

    AwsOperation(String vendorName, String signingName, String target) {
        this.vendorName = vendorName;
        this.signingName = signingName;
        this.target = target;
    }

    /** How messages name the service, e.g. {@code AWS Comprehend}. */
    String vendorName() {
        return "AWS " + vendorName;
    }

    /** The service name in the SigV4 credential scope, and the host prefix of its regional endpoint. */
    String signingName() {
        return signingName;
    }

    String target() {
        return target;
    }
}
