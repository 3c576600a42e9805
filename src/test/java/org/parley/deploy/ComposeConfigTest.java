package org.parley.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The container recipe configures Parley only through variables Parley reads: every variable that
 * {@code docker/compose.yaml} gives the Parley service, and every {@code ENV} of {@code docker/Dockerfile}, is a
 * property of the application (in its environment-variable form), an expression in {@code application.properties},
 * or read by {@code docker/start.sh}; and {@code .ci/run} starts the build with exactly the compose file's variables.
 */
@QuarkusTest
class ComposeConfigTest {

    private static final Path DOCKER = Path.of("docker");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");

    @Test
    void everyVariableOfTheComposeFileIsReadByParley() throws IOException {
        Set<String> compose = composeVariables();
        assertTrue(compose.containsAll(Set.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
                "QUARKUS_DATASOURCE_PASSWORD", "PARLEY_EDITOR_PASSWORD")), "compose.yaml configures " + compose);
        assertEquals(List.of(), unread(compose), "variables of compose.yaml that Parley does not read");
    }

    @Test
    void everyVariableOfTheDockerfileIsReadByParley() throws IOException {
        Set<String> dockerfile = new TreeSet<>();
        Matcher env = Pattern.compile("(?m)^\\s*(?:ENV\\s+)?([A-Z][A-Z0-9_]*)=").matcher(
                String.join("\n", Files.readAllLines(DOCKER.resolve("Dockerfile")).stream()
                        .dropWhile(line -> !line.startsWith("ENV ")).takeWhile(line -> !line.startsWith("EXPOSE"))
                        .toList()));
        while (env.find()) {
            dockerfile.add(env.group(1));
        }
        assertTrue(dockerfile.containsAll(Set.of("PARLEY_HOME", "JAVA_OPTS", "QUARKUS_HTTP_HOST")), "ENV " + dockerfile);
        assertEquals(List.of(), unread(dockerfile), "ENV variables of the Dockerfile that Parley does not read");
    }

    @Test
    void ciStartsTheBuildWithTheComposeFilesVariables() throws IOException {
        String ci = Files.readString(Path.of(".ci", "run"));
        int begin = ci.indexOf("# compose environment: begin");
        int end = ci.indexOf("# compose environment: end");
        assertTrue(begin >= 0 && end > begin, ".ci/run marks the compose environment it starts Parley with");
        Set<String> exported = new TreeSet<>();
        Matcher assignment = Pattern.compile("\\b([A-Z][A-Z0-9_]*)=").matcher(ci.substring(begin, end));
        while (assignment.find()) {
            exported.add(assignment.group(1));
        }
        assertEquals(composeVariables(), exported);
    }

    @Test
    void theScaledOutComposeFileConfiguresEachInstanceWithVariablesParleyReads() throws IOException {
        JsonNode services = new ObjectMapper(new YAMLFactory()).readTree(DOCKER.resolve("compose.scale.yaml").toFile())
                .path("services");
        for (String instance : List.of("writer1", "writer2", "reader1")) {
            Set<String> names = new TreeSet<>();
            services.path(instance).path("environment").fieldNames().forEachRemaining(names::add);
            assertTrue(names.containsAll(Set.of("QUARKUS_DATASOURCE_JDBC_URL", "PARLEY_EDITOR_PASSWORD")),
                    instance + " configures " + names);
            assertEquals(List.of(), unread(names), "variables of " + instance + " that Parley does not read");
        }
        assertTrue(services.path("reader1").path("environment").path("QUARKUS_DATASOURCE_JDBC_URL").asText()
                .contains("targetServerType=preferSecondary"));
        assertTrue(services.path("writer1").path("environment").path("QUARKUS_DATASOURCE_JDBC_URL").asText()
                .contains("targetServerType=primary"));
    }

    @Test
    void haproxyGetsEveryVariableItsConfigurationUsesInComposeAndInTheRig() throws IOException {
        Set<String> used = new TreeSet<>();
        Matcher variable = EXPRESSION.matcher(Files.readString(Path.of("scale", "haproxy.cfg")));
        while (variable.find()) {
            used.add(variable.group(1));
        }
        assertTrue(used.containsAll(Set.of("PARLEY_LB_BIND", "PARLEY_WRITER_1", "PARLEY_READER_1")), "uses " + used);
        Set<String> compose = new TreeSet<>();
        new ObjectMapper(new YAMLFactory()).readTree(DOCKER.resolve("compose.scale.yaml").toFile())
                .path("services").path("haproxy").path("environment").fieldNames().forEachRemaining(compose::add);
        assertEquals(used, compose, "compose.scale.yaml's haproxy environment");
        Set<String> rig = new TreeSet<>();
        Matcher assignment = Pattern.compile("\\b(PARLEY_(?:LB|WRITER|READER)_[A-Z0-9_]+)=")
                .matcher(Files.readString(Path.of("scale", "rig.py")));
        while (assignment.find()) {
            rig.add(assignment.group(1));
        }
        assertEquals(used, rig, "the environment scale/rig.py starts HAProxy with");
    }

    @Test
    void aVariableParleyDoesNotReadIsCaught() throws IOException {
        assertEquals(List.of("PARLEY_EDITOR_PASWORD", "QUARKUS_DATASOURCE_JDBC_URLS"),
                unread(Set.of("PARLEY_EDITOR_PASWORD", "QUARKUS_DATASOURCE_JDBC_URLS", "QUARKUS_HTTP_PORT")));
    }

    private static Set<String> composeVariables() throws IOException {
        JsonNode environment = new ObjectMapper(new YAMLFactory()).readTree(DOCKER.resolve("compose.yaml").toFile())
                .path("services").path("parley").path("environment");
        assertTrue(environment.isObject(), "compose.yaml gives the parley service an environment map");
        Set<String> names = new TreeSet<>();
        environment.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /**
     * Those of the variables that Parley reads nowhere: not the environment form of a property it knows (one of
     * application.properties in any profile, or one with a value, such as Quarkus' own defaults), not an expression
     * of application.properties, not a variable of docker/start.sh.
     */
    private static List<String> unread(Set<String> variables) throws IOException {
        Set<String> read = new TreeSet<>();
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("src", "main", "resources", "application.properties"))) {
            properties.load(in);
        }
        for (String name : properties.stringPropertyNames()) {
            read.add(environmentForm(name.replaceFirst("^%[^.]+\\.", "")));
            Matcher expression = EXPRESSION.matcher(properties.getProperty(name));
            while (expression.find()) {
                read.add(expression.group(1));
            }
        }
        Matcher start = EXPRESSION.matcher(Files.readString(DOCKER.resolve("start.sh")));
        while (start.find()) {
            read.add(start.group(1));
        }
        Config config = ConfigProvider.getConfig();
        List<String> unread = new ArrayList<>();
        for (String variable : variables) {
            String property = variable.toLowerCase(Locale.ROOT).replace('_', '.');
            if (!read.contains(variable) && config.getConfigValue(property).getValue() == null) {
                unread.add(variable);
            }
        }
        assertFalse(read.isEmpty());
        return unread.stream().sorted().toList();
    }

    /** A property's name as an environment variable (MicroProfile Config): non-alphanumerics to _, upper case. */
    private static String environmentForm(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
