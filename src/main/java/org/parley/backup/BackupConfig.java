package org.parley.backup;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

/** Where and how often H2 is backed up (variables {@code PARLEY_BACKUP_*}). */
@ConfigMapping(prefix = "parley.backup")
public interface BackupConfig {

    /** How often: a duration such as {@code 1h} or {@code 30m}; {@code off} for never (then only on demand). */
    @WithDefault("1h")
    String every();

    /** The folder the backups are written to, created when missing; by default {@code backups} beside the database. */
    Optional<Path> directory();

    /** How many verified backups are kept: the oldest beyond this count are deleted after each new one. */
    @WithDefault("24")
    int keep();
}
