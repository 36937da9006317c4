package dev.warden.adapters.ncmec;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * One CyberTipline answer document ({@code reportResponse} or {@code reportDoneResponse}, P§1.5 [C]) as read from
 * the response's bytes. The bytes are decoded as their XML prolog says, not as the {@code Content-Type} header does:
 * NCMEC has been seen declaring ISO-8859-1 in the header over a UTF-8 document (P§1.1 [S]). DTDs and entities are
 * refused outright: an answer is data from the network, and XML's entity machinery is how such data reads local
 * files or exhausts memory (XXE, billion laughs).
 *
 * @param leaves every element without children, by its path from the root ({@code responseCode}, {@code reportId})
 */
record NcmecAnswer(String root, String responseCode, Map<String, String> leaves, List<String> fileIds) {

    static final Set<String> ROOTS = Set.of("reportResponse", "reportDoneResponse");
    /** Deeper than any CyberTipline answer (three levels). */
    private static final int MAX_DEPTH = 8;
    private static final XMLInputFactory FACTORY = safeFactory();

    /** A document that is not XML Warden reads: malformed, too deep, or carrying a DTD or entity. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    NcmecAnswer {
        leaves = Map.copyOf(leaves);
        fileIds = List.copyOf(fileIds);
    }

    Optional<String> leaf(String name) {
        return Optional.ofNullable(leaves.get(name)).filter(value -> !value.isEmpty());
    }

    /** Whether a body is meant as XML at all: NCMEC's empty 401 and a proxy's HTML page are not answers. */
    static boolean looksLikeXml(byte[] body) {
        for (int i = 0; i < body.length; i++) {
            int b = body[i] & 0xFF;
            boolean byteOrderMark = i < 3 && (b == 0xEF || b == 0xBB || b == 0xBF);
            if (!Character.isWhitespace(b) && !byteOrderMark) {
                return b == '<';
            }
        }
        return false;
    }

    /**
     * The answer in {@code body}; empty when the document is well-formed but not a CyberTipline answer (another
     * root, no {@code responseCode}).
     */
    static Optional<NcmecAnswer> read(byte[] body) throws Unreadable {
        try {
            XMLStreamReader reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(body));
            try {
                return read(reader);
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            // The parser's message may quote the document: only the fact is kept.
            throw new Unreadable("not well-formed XML");
        }
    }

    private static Optional<NcmecAnswer> read(XMLStreamReader reader) throws XMLStreamException, Unreadable {
        record Open(String path, StringBuilder text, boolean[] hasChildren) {
        }
        Deque<Open> open = new ArrayDeque<>();
        String root = null;
        Map<String, String> leaves = new LinkedHashMap<>();
        List<String> fileIds = new ArrayList<>();
        while (reader.hasNext()) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE,
                        XMLStreamConstants.ENTITY_DECLARATION -> throw new Unreadable("a DTD or entity");
                case XMLStreamConstants.START_ELEMENT -> {
                    String name = reader.getLocalName();
                    if (root == null) {
                        root = name;
                    }
                    if (open.size() >= MAX_DEPTH) {
                        throw new Unreadable("nested too deep");
                    }
                    Open parent = open.peek();
                    if (parent != null) {
                        parent.hasChildren()[0] = true;
                    }
                    open.push(new Open(parent == null ? "" : parent.path() + (parent.path().isEmpty() ? "" : "/")
                            + name, new StringBuilder(), new boolean[1]));
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (!open.isEmpty()) {
                        open.peek().text().append(reader.getText());
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    Open closed = open.pop();
                    if (!closed.hasChildren()[0] && !closed.path().isEmpty()) {
                        String text = closed.text().toString().trim();
                        if (closed.path().equals("files/fileId")) {
                            fileIds.add(text);
                        } else {
                            leaves.putIfAbsent(closed.path(), text);
                        }
                    }
                }
                default -> {
                    // comments, processing instructions, the end of the document: nothing to read
                }
            }
        }
        String code = leaves.get("responseCode");
        if (root == null || !ROOTS.contains(root) || code == null || code.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new NcmecAnswer(root, code, leaves, fileIds));
    }

    private static XMLInputFactory safeFactory() {
        // The JDK's own parser, whatever else is on the class path, so that these properties mean what they say.
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }
}
