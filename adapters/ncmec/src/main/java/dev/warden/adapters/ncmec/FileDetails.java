package dev.warden.adapters.ncmec;

import static dev.warden.adapters.ncmec.XmlOut.bool;
import static dev.warden.adapters.ncmec.XmlOut.flags;
import static dev.warden.adapters.ncmec.XmlOut.text;

import java.util.List;
import java.util.Optional;

/**
 * The {@code <fileDetails>} of {@code POST /fileinfo}. Components in the XSD's sequence (P§1.4 [C]: reportId, fileId,
 * originalFileName, uploadedToEspTimestamp, locationOfFile, fileViewedByEsp, exifViewedByEsp, publiclyAvailable,
 * fileRelevance, fileAnnotations, industryClassification, originalFileHash*, …); {@code write} follows them.
 */
record FileDetails(String reportId, String fileId, Optional<String> originalFileName,
        Optional<String> locationOfFile, Optional<Boolean> fileViewedByEsp, Optional<Boolean> publiclyAvailable,
        Optional<String> fileRelevance, List<String> fileAnnotations, Optional<String> industryClassification,
        List<Hash> originalFileHashes) {

    /** {@code <originalFileHash hashType="SHA256">…</originalFileHash>}. */
    record Hash(String type, String value) {
    }

    FileDetails {
        fileAnnotations = List.copyOf(fileAnnotations);
        originalFileHashes = List.copyOf(originalFileHashes);
    }

    byte[] toXml() {
        return XmlOut.document(xml -> {
            xml.writeStartElement("fileDetails");
            text(xml, "reportId", reportId);
            text(xml, "fileId", fileId);
            text(xml, "originalFileName", originalFileName);
            text(xml, "locationOfFile", locationOfFile);
            bool(xml, "fileViewedByEsp", fileViewedByEsp);
            bool(xml, "publiclyAvailable", publiclyAvailable);
            text(xml, "fileRelevance", fileRelevance);
            flags(xml, "fileAnnotations", fileAnnotations);
            text(xml, "industryClassification", industryClassification);
            for (Hash hash : originalFileHashes) {
                xml.writeStartElement("originalFileHash");
                xml.writeAttribute("hashType", hash.type());
                xml.writeCharacters(hash.value());
                xml.writeEndElement();
            }
            xml.writeEndElement();
        });
    }

    /** Never prints the file's name or location: they may identify a victim. */
    @Override
    public String toString() {
        return "FileDetails[" + reportId + "/" + fileId + "]";
    }
}
