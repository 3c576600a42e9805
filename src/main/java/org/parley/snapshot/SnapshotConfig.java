package org.parley.snapshot;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

/** Where snapshots are kept and how often one is made (variables {@code PARLEY_SNAPSHOT_*}). */
@ConfigMapping(prefix = "parley.snapshot")
public interface SnapshotConfig {

    /**
     * How often a snapshot is made when the data changed since the last one: a duration such as {@code 24h};
     * {@code off} for never (then only on demand).
     */
    @WithDefault("24h")
    String every();

    /**
     * The folder of the snapshots, created when missing: by default {@code snapshots} beside the H2 database file,
     * else {@code data/snapshots}. Instances behind one address must share it. Parley never deletes a snapshot.
     */
    Optional<Path> directory();
}
