package org.parley.draft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The seed's participants and topics as a gazetteer, and texts of reports, for tests of the drafter without a database. */
final class Fixtures {

    static final Languages LANGUAGES = new Languages();

    private Fixtures() {
    }

    static JsonNode seed() {
        try (InputStream in = Fixtures.class.getResourceAsStream("/seed/2022-01-10-wang-yi-lavrov-phone-call.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The seed's participants and topics, with ids in document order from 1. */
    static Gazetteer seedGazetteer() {
        JsonNode seed = seed();
        List<Gazetteer.Known> participants = new ArrayList<>();
        long id = 1;
        for (JsonNode p : seed.get("participants")) {
            List<String> aliases = new ArrayList<>();
            p.get("aliases").forEach(a -> aliases.add(a.asText()));
            participants.add(new Gazetteer.Known(id++, text(p, "externalId"), text(p, "wikidataId"),
                    p.get("name").asText(), "ORGANIZATION".equals(p.get("kind").asText()), text(p, "country"),
                    text(p, "title"), aliases));
        }
        List<Gazetteer.KnownTopic> topics = new ArrayList<>();
        id = 1;
        for (JsonNode t : seed.get("topics")) {
            List<String> aliases = new ArrayList<>();
            if (t.has("aliases")) {
                t.get("aliases").forEach(a -> aliases.add(a.asText()));
            }
            topics.add(new Gazetteer.KnownTopic(id++, t.get("slug").asText(), t.get("name").asText(), aliases));
        }
        return new Gazetteer(participants, topics, LANGUAGES.transliteration);
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    /** The seed article as the repository's shared folder holds it, or the copy under test resources. */
    static String seedText() {
        try (InputStream in = Fixtures.class.getResourceAsStream("/draft/reports/seed-xinhua-fr.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
