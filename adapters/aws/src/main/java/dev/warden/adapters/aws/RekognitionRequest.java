package dev.warden.adapters.aws;

import java.util.Base64;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.warden.spi.support.StrictJson;

/**
 * The body of one DetectModerationLabels call: the image as bytes ({@code Image.Bytes}, base64 in JSON) or as an
 * S3 object ({@code Image.S3Object}), and the lowest confidence for a label to be returned at all.
 */
final class RekognitionRequest {

    private RekognitionRequest() {
    }

    static byte[] withBytes(byte[] image, double minConfidence) {
        ObjectNode body = StrictJson.MAPPER.createObjectNode();
        body.putObject("Image").put("Bytes", Base64.getEncoder().encodeToString(image));
        body.put("MinConfidence", minConfidence);
        return StrictJson.bytes(body);
    }

    static byte[] withS3Object(S3ObjectUrl object, double minConfidence) {
        ObjectNode body = StrictJson.MAPPER.createObjectNode();
        ObjectNode s3Object = body.putObject("Image").putObject("S3Object");
        s3Object.put("Bucket", object.bucket());
        s3Object.put("Name", object.key());
        object.version().ifPresent(version -> s3Object.put("Version", version));
        body.put("MinConfidence", minConfidence);
        return StrictJson.bytes(body);
    }
}
