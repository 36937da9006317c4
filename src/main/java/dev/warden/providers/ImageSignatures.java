package dev.warden.providers;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The media type the first bytes of an image say it is, whatever its {@code Content-Type} claims: a server that
 * labels an HTML page {@code image/png} must not get it past a vendor's format check, or into its parser.
 */
final class ImageSignatures {

    private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
    private static final byte[] JPEG = { (byte) 0xff, (byte) 0xd8, (byte) 0xff };
    private static final byte[] GIF87 = ascii("GIF87a");
    private static final byte[] GIF89 = ascii("GIF89a");
    private static final byte[] RIFF = ascii("RIFF");
    private static final byte[] WEBP = ascii("WEBP");
    private static final int WEBP_OFFSET = 8;
    private static final byte[] BMP = ascii("BM");
    private static final byte[] TIFF_LITTLE_ENDIAN = { 'I', 'I', 42, 0 };
    private static final byte[] TIFF_BIG_ENDIAN = { 'M', 'M', 0, 42 };

    private ImageSignatures() {
    }

    static Optional<String> typeOf(byte[] bytes) {
        if (startsWith(bytes, 0, PNG)) {
            return Optional.of("image/png");
        }
        if (startsWith(bytes, 0, JPEG)) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(bytes, 0, GIF87) || startsWith(bytes, 0, GIF89)) {
            return Optional.of("image/gif");
        }
        if (startsWith(bytes, 0, RIFF) && startsWith(bytes, WEBP_OFFSET, WEBP)) {
            return Optional.of("image/webp");
        }
        if (startsWith(bytes, 0, TIFF_LITTLE_ENDIAN) || startsWith(bytes, 0, TIFF_BIG_ENDIAN)) {
            return Optional.of("image/tiff");
        }
        if (startsWith(bytes, 0, BMP)) {
            return Optional.of("image/bmp");
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, int offset, byte[] signature) {
        return bytes.length >= offset + signature.length
                && Arrays.equals(bytes, offset, offset + signature.length, signature, 0, signature.length);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
