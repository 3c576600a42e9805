package org.parley;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * For tests of what only an embedded H2 file database has (backups, the disk space kept free): the suite runs on H2
 * and, built with {@code -Dquarkus.profile=pg}, on PostgreSQL, where the database kind is fixed at build time and an
 * H2 URL cannot be given. Maven passes its {@code -D} properties to the tests.
 */
public final class EmbeddedH2 {

    private EmbeddedH2() {
    }

    /** Whether this run is the H2 build's. */
    public static boolean built() {
        return !System.getProperty("quarkus.profile", "").contains("pg");
    }

    /** The configuration overrides, with an H2 file database in {@code folder} when this is the H2 build. */
    public static Map<String, String> withFile(Path folder, Map<String, String> overrides) {
        Map<String, String> all = new HashMap<>(overrides);
        if (built()) {
            all.put("quarkus.datasource.jdbc.url", "jdbc:h2:file:" + folder.toAbsolutePath().resolve("parley")
                    + ";WRITE_DELAY=0");
        }
        return all;
    }
}
