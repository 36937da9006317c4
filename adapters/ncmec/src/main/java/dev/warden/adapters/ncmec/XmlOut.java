package dev.warden.adapters.ncmec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes NCMEC request documents with the JDK's StAX writer, which escapes text and attributes. Each model record
 * writes its own children in the schema's order; these helpers only leave out what is absent.
 */
final class XmlOut {

    /** The writer for one element's children. */
    @FunctionalInterface
    interface Body {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

    private XmlOut() {
    }

    /** A UTF-8 document whose root the body writes. */
    static byte[] document(Body root) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
            xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            root.write(xml);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write an NCMEC document", e);
        }
        return out.toByteArray();
    }

    static void element(XMLStreamWriter xml, String name, Body children) throws XMLStreamException {
        xml.writeStartElement(name);
        children.write(xml);
        xml.writeEndElement();
    }

    static void text(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    static void text(XMLStreamWriter xml, String name, Optional<String> value) throws XMLStreamException {
        if (value.isPresent()) {
            text(xml, name, value.get());
        }
    }

    static void texts(XMLStreamWriter xml, String name, List<String> values) throws XMLStreamException {
        for (String value : values) {
            text(xml, name, value);
        }
    }

    static void bool(XMLStreamWriter xml, String name, Optional<Boolean> value) throws XMLStreamException {
        if (value.isPresent()) {
            text(xml, name, value.get().toString());
        }
    }

    /** Presence flags ({@code <reportAnnotations><sextortion/></reportAnnotations>}); nothing when empty. */
    static void flags(XMLStreamWriter xml, String name, List<String> flags) throws XMLStreamException {
        if (!flags.isEmpty()) {
            xml.writeStartElement(name);
            for (String flag : flags) {
                xml.writeEmptyElement(flag);
            }
            xml.writeEndElement();
        }
    }
}
