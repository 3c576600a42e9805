package org.parley.store;

import java.nio.file.Path;
import java.util.Optional;

/** The file of an embedded H2 database, as its JDBC URL names it. */
public final class DatabaseFile {

    private DatabaseFile() {
    }

    /**
     * The database file of an H2 URL that names one ({@code jdbc:h2:file:./data/parley;...} or
     * {@code jdbc:h2:./data/parley}), absolute and without its {@code .mv.db}; empty for in-memory, remote and other
     * databases.
     */
    public static Optional<Path> of(String url) {
        if (url == null || !url.startsWith("jdbc:h2:")) {
            return Optional.empty();
        }
        String name = url.substring("jdbc:h2:".length()).split(";", 2)[0];
        if (name.startsWith("file:")) {
            name = name.substring("file:".length());
        } else if (name.matches("^(mem|tcp|ssl|zip|nio\\w*|split|async|memFS|memLZF):.*")) {
            return Optional.empty();
        }
        if (name.startsWith("~")) {
            name = System.getProperty("user.home") + name.substring(1);
        }
        return name.isEmpty() ? Optional.empty() : Optional.of(Path.of(name).toAbsolutePath().normalize());
    }
}
