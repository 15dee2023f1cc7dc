package io.mediahooks.reliability.logs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Looks for secret values in every file under a directory: each value as given, and for a
 * {@code whsec_} secret its base64 key part and that key in hex (lower and upper case), the forms
 * a careless log line would print. Files are read in overlapping chunks, so that a large log costs
 * no more memory than a chunk, and no match is missed at a chunk's edge. Directories of stored data
 * (Kafka's log directory with its {@code meta.properties}, RocksDB, anything holding a
 * {@code .data-store} marker) are skipped: they hold secrets by design and are not logs.
 */
public final class SecretScanner {

    private static final int CHUNK = 1 << 20;
    private static final String WHSEC = "whsec_";
    private static final Set<String> DATA_MARKERS = Set.of(".data-store", "meta.properties", "IDENTITY");

    /** A value to look for, and what it is the form of (never the value itself: the report must not hold it). */
    public record Needle(String text, String form) {
    }

    /** One find: where, and which form of which secret (by its index in the list scanned for). */
    public record Finding(Path file, String form) {
    }

    /** What a scan saw. */
    public record Scan(long files, long bytes, List<Path> skippedDataDirectories, List<Finding> findings) {
    }

    private SecretScanner() {
    }

    /** Every form of every value worth looking for. */
    public static List<Needle> needles(Iterable<String> values) {
        List<Needle> needles = new ArrayList<>();
        int index = 0;
        for (String value : values) {
            index++;
            String label = (value.startsWith(WHSEC) ? "signing secret #" : value.startsWith("mh_") ? "API key or token #" : "secret #")
                    + index;
            needles.add(new Needle(value, label + ", as is"));
            if (value.startsWith(WHSEC)) {
                String key = value.substring(WHSEC.length());
                needles.add(new Needle(key, label + ", its base64 key"));
                try {
                    String hex = HexFormat.of().formatHex(Base64.getDecoder().decode(key));
                    needles.add(new Needle(hex, label + ", its key in hex"));
                    needles.add(new Needle(hex.toUpperCase(Locale.ROOT), label + ", its key in upper-case hex"));
                } catch (IllegalArgumentException e) {
                    // Not base64 (a deliberately broken value of a corpus): the value and its text are the forms to find.
                }
            }
        }
        return needles;
    }

    /** Scans every file under {@code root} for every needle. */
    public static Scan scan(Path root, List<Needle> needles) {
        List<Path> files = new ArrayList<>();
        List<Path> skipped = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    if (DATA_MARKERS.stream().anyMatch(marker -> Files.exists(dir.resolve(marker)))) {
                        skipped.add(dir);
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isRegularFile()) {
                        files.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("could not walk " + root, e);
        }
        List<Finding> findings = new ArrayList<>();
        long bytes = 0;
        for (Path file : files) {
            bytes += scanFile(file, needles, findings);
        }
        return new Scan(files.size(), bytes, skipped, findings);
    }

    private static long scanFile(Path file, List<Needle> needles, List<Finding> findings) {
        int overlap = needles.stream().mapToInt(needle -> needle.text().length()).max().orElse(1) - 1;
        Map<String, Boolean> found = new LinkedHashMap<>();
        long total = 0;
        try (InputStream in = Files.newInputStream(file)) {
            String carried = "";
            byte[] buffer = new byte[CHUNK];
            int read;
            while ((read = in.readNBytes(buffer, 0, CHUNK)) > 0) {
                total += read;
                // ISO-8859-1 maps each byte to one char: secrets are ASCII, so a byte match is a char match.
                String text = carried + new String(buffer, 0, read, StandardCharsets.ISO_8859_1);
                for (Needle needle : needles) {
                    if (!found.containsKey(needle.form()) && text.contains(needle.text())) {
                        found.put(needle.form(), true);
                        findings.add(new Finding(file, needle.form()));
                    }
                }
                carried = text.substring(Math.max(0, text.length() - overlap));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
        return total;
    }
}
