package org.parley.draft;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The languages the drafter reads: those listed in {@code draft/lexicon/languages.txt}, each with its lexicon and
 * country words, and the transliteration table shared by all. Read once; immutable.
 */
final class Languages {

    /** One language's lexicon and country words. */
    record Language(Lexicon lexicon, CountryWords countries) {
    }

    /** The language a text is in, by the share of each lexicon's function words, and how that was decided. */
    record Detected(String language, String cue) {
    }

    final Map<String, Language> byTag = new LinkedHashMap<>();
    final List<Fold.Transliteration> transliteration;

    Languages() {
        for (String tag : lines("/draft/lexicon/languages.txt")) {
            Lexicon lexicon = Lexicon.load(tag);
            byTag.put(tag, new Language(lexicon, new CountryWords(lexicon)));
        }
        List<Fold.Transliteration> rules = new ArrayList<>();
        for (String line : lines("/draft/transliteration.tsv")) {
            String[] cells = line.split("\t", -1);
            rules.add(new Fold.Transliteration(Pattern.compile(cells[0]), cells.length > 1 ? cells[1] : ""));
        }
        transliteration = List.copyOf(rules);
    }

    Set<String> tags() {
        return byTag.keySet();
    }

    Language get(String tag) {
        return byTag.get(tag);
    }

    /** The language whose function words make up most of the text; null when none reaches a minimum. */
    Detected detect(String text) {
        List<String> words = Gazetteer.words(text.length() > 20_000 ? text.substring(0, 20_000) : text);
        String best = null;
        int bestCount = 0;
        StringBuilder counts = new StringBuilder();
        for (Language language : byTag.values()) {
            Set<String> stopwords = Set.copyOf(language.lexicon().stopwords);
            int count = (int) words.stream().filter(stopwords::contains).count();
            counts.append(counts.isEmpty() ? "" : ", ").append(language.lexicon().language).append(' ').append(count);
            if (count > bestCount) {
                best = language.lexicon().language;
                bestCount = count;
            }
        }
        int needed = Math.max(3, words.size() / 20);
        if (best == null || bestCount < needed) {
            return new Detected(null, "function words: " + counts + " (at least " + needed + " needed)");
        }
        return new Detected(best, "detected by function words (" + counts + ")");
    }

    private static List<String> lines(String path) {
        try (InputStream in = Languages.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no " + path);
            }
            List<String> out = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line.strip().contains("\t") ? line : line.strip());
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
