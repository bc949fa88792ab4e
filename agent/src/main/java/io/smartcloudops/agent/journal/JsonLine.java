package io.smartcloudops.agent.journal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.smartcloudops.api.Json;
import io.smartcloudops.api.TextCut;

/**
 * How a record becomes one line of a journal file and back. Written with every character outside printable
 * ASCII escaped (U+2028, U+0085, lone surrogates, emoji...), so a record is one line for any
 * reader (Java's {@code String.lines}, {@code BufferedReader}, editors, {@code grep}, log shippers that split
 * on Unicode separators) and its bytes are exactly its text. Read back strictly as JSON, never with a pattern
 * over the line: one object, no trailing content, no repeated key.
 */
public final class JsonLine {

    private static final ObjectWriter WRITER = Json.mapper().writer()
            .with(JsonWriteFeature.ESCAPE_NON_ASCII)
            .with(new AsciiOnly());

    private JsonLine() {
    }

    /**
     * The record as one line of printable ASCII (no line terminator), checked to read back as an equal
     * record: a journal never holds a line its reader would have to skip.
     *
     * @throws IllegalArgumentException when it would not read back (a map key holding a lone surrogate: JSON can
     *                                  write it, Jackson refuses to read it)
     */
    public static String write(Record record) {
        String line;
        try {
            line = WRITER.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + record.getClass().getSimpleName(), e);
        }
        Object back;
        try {
            back = read(line, record.getClass());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("this " + record.getClass().getSimpleName()
                    + " would not read back from its journal line (" + problem(e) + "): not written");
        }
        if (!record.equals(back)) {
            throw new IllegalArgumentException("this " + record.getClass().getSimpleName()
                    + " would read back different from its journal line: not written");
        }
        return line;
    }

    /**
     * Parses one line; unknown fields are allowed (a newer agent may have written them).
     *
     * @throws JsonProcessingException when the line is not exactly one JSON object of that type
     */
    public static <T> T read(String line, Class<T> type) throws JsonProcessingException {
        T value = Json.mapper().readerFor(type)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .readValue(line);
        if (value == null) {
            throw MismatchedInputException.from(null, type, "null instead of a JSON object");
        }
        return value;
    }

    /** What was wrong with a line, in a few words (Jackson's message without its source excerpt). */
    public static String problem(JsonProcessingException e) {
        String m = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage();
        int cut = m.indexOf('\n');
        m = cut > 0 ? m.substring(0, cut) : m;
        return TextCut.ellipsis(m, 160);
    }

    /** The standard JSON escapes plus DEL, the one ASCII control character JSON leaves raw. */
    private static final class AsciiOnly extends CharacterEscapes {
        private static final int[] ESCAPES = standardAsciiEscapesForJSON();

        static {
            ESCAPES[0x7f] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ESCAPES;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null; // above ASCII, ESCAPE_NON_ASCII already writes the standard \\uXXXX escape
        }
    }

    /** Whether {@code text} is what {@link #write} produces: printable ASCII only. */
    static boolean isPrintableAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }
}
