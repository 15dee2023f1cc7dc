package io.mediahooks.cli;

import io.mediahooks.model.InvalidRecordException;
import io.mediahooks.model.json.JsonCodec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads and validates the records the CLI writes with the same codecs the services decode them
 * with, so nothing the services would reject is ever written. Errors name the flag or the file.
 */
public final class RecordInput {

    private RecordInput() {
    }

    /** Reads {@code file} ({@code -} for standard input). */
    public static byte[] read(Path file, InputStream stdin) {
        try {
            if (file.toString().equals("-")) {
                return stdin.readAllBytes();
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw CliException.usage("--file: " + file + " does not exist");
        } catch (IOException e) {
            throw CliException.usage("--file: cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Decodes a record given in a file; the error names the file and the field. */
    public static <T> T decodeFile(JsonCodec<T> codec, byte[] bytes, Path file, String what) {
        try {
            return codec.decode(bytes);
        } catch (InvalidRecordException e) {
            String source = file.toString().equals("-") ? "standard input" : file.toString();
            throw CliException.usage(source + " is not a valid " + what + ": " + e.getMessage(), e);
        }
    }

    /**
     * Decodes a record built from flags; the error names the flag that set the bad field
     * ({@code fieldToFlag} maps the JSON field, e.g. {@code url}, to its flag, e.g. {@code --url}).
     */
    public static <T> T decodeFlags(JsonCodec<T> codec, byte[] bytes, Map<String, String> fieldToFlag, String what) {
        try {
            return codec.decode(bytes);
        } catch (InvalidRecordException e) {
            String field = e.field();
            String root = field.split("[.\\[]", 2)[0];
            String flag = fieldToFlag.get(root);
            if (flag == null) {
                throw CliException.usage("invalid " + what + ": " + e.getMessage(), e);
            }
            String problem = e.getMessage().substring(Math.min(e.getMessage().length(), field.length() + 2));
            // Keep the path when it says more than the flag does: --has-tag (conditions[1].name).
            throw CliException.usage(flag + (field.equals(root) ? "" : " (" + field + ")") + ": " + problem, e);
        }
    }
}
