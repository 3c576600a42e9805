package org.parley.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A folder of zip archives named by the UTC time they were made, {@code parley-20261206T080000123Z.zip}, so that
 * their names sort as they were made: H2's backups and the published snapshots.
 */
public record Archives(Path directory) {

    public static final String ZIP = ".zip";
    private static final String PREFIX = "parley-";
    /** A name per millisecond, in UTC. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Pattern NAME = Pattern.compile("parley-\\d{8}T\\d{9}Z");

    /** The name of an archive made at that moment, without {@code .zip}. */
    public String name(Instant at) {
        return PREFIX + TIME.format(at);
    }

    /** Whether the text is an archive's name as {@link #name} makes them (which keeps it inside the folder). */
    public static boolean isName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** When the archive of that name was made. */
    public static Instant madeAt(String name) {
        if (!isName(name)) {
            throw new DateTimeException("not an archive's name: " + name);
        }
        return Instant.from(TIME.parse(name.substring(PREFIX.length())));
    }

    /** The name of an archive file: its file name without {@code .zip}. */
    public static String nameOf(Path archive) {
        String file = archive.getFileName().toString();
        return file.endsWith(ZIP) ? file.substring(0, file.length() - ZIP.length()) : file;
    }

    /** The archive of that name. */
    public Path file(String name) {
        return directory.resolve(name + ZIP);
    }

    /** A file beside the archive of that name, with another extension (such as {@code .json}). */
    public Path beside(String name, String extension) {
        return directory.resolve(name + extension);
    }

    /** The archives in the folder, newest first; none when it does not exist yet. */
    public List<Path> list() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(ZIP) && isName(nameOf(f)))
                    .sorted(Comparator.comparing((Path f) -> f.getFileName().toString()).reversed()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The archive of that name, when it is there. */
    public Optional<Path> existing(String name) {
        return isName(name) && Files.isRegularFile(file(name)) ? Optional.of(file(name)) : Optional.empty();
    }
}
