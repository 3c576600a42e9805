package org.parley.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** The editor account of HTTP Basic access. */
@ConfigMapping(prefix = "parley.editor")
public interface EditorConfig {

    /** User name; {@code PARLEY_EDITOR_USER}. */
    @WithDefault("editor")
    String user();

    /** Password; {@code PARLEY_EDITOR_PASSWORD}. When absent, one is generated at start and logged once. */
    Optional<String> password();
}
