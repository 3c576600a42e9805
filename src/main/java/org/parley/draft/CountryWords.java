package org.parley.draft;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.parley.value.CountryCodes;

/**
 * The words by which a language names countries: names (the JDK's own for that language, and the alternate names of
 * {@code draft/countries/<language>.tsv}), nationality adjectives in all their forms ("russe", "kazakhe", "Chinese"),
 * combining forms ("sino-" of "sino-russes") and capitals.
 */
final class CountryWords {

    enum Kind { NAME, ADJECTIVE, PREFIX, CAPITAL }

    /**
     * One country word: the country's alpha-2 code and how the word names it. An all-capitals form ("US", "RDC") is
     * matched as written only, or "us" and "eau" would name countries.
     */
    record Word(String country, Kind kind, String acronym) {
    }

    /** Keyed by folded words as {@link Lexicon#words} gives them, and as a report's tokens already are. */
    private final PhraseIndex<Word> index = new PhraseIndex<>(word -> word);

    CountryWords(Lexicon lexicon) {
        String language = lexicon.language;
        Locale locale = Locale.forLanguageTag(language);
        String path = "/draft/countries/" + language + ".tsv";
        List<String[]> rows = rows(path); // a language may start with the JDK's country names alone
        // the JDK's names, but those the file excludes: "La Réunion" is also "the meeting", "Maurice" a first name
        java.util.Set<String> excluded = new java.util.HashSet<>();
        rows.stream().filter(r -> r[1].equals("exclude")).forEach(r -> excluded.add(r[0] + " " + Fold.phrase(r[2])));
        for (CountryCodes.Country country : CountryCodes.all()) {
            String name = new Locale("", country.alpha2()).getDisplayCountry(locale);
            if (!name.isBlank() && !name.equals(country.alpha2())
                    && !excluded.contains(country.alpha2() + " " + Fold.phrase(name))) {
                index.add(lexicon.words(name), new Word(country.alpha2(), Kind.NAME, null));
            }
        }
        for (String[] row : rows) {
            if (row[1].equals("exclude")) {
                continue;
            }
            String form = row[2];
            boolean acronym = form.length() > 1 && form.equals(form.toUpperCase(Locale.ROOT))
                    && !form.equals(form.toLowerCase(Locale.ROOT));
            index.add(lexicon.words(form), new Word(row[0], Kind.valueOf(row[1].toUpperCase(Locale.ROOT)),
                    acronym ? form : null));
        }
    }

    /** The rows of a country words file: code, kind (lower case), form; none when there is no file. */
    private static List<String[]> rows(String path) {
        List<String[]> out = new ArrayList<>();
        try (InputStream in = CountryWords.class.getResourceAsStream(path)) {
            if (in == null) {
                return out;
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t");
                if (cells.length != 3 || !CountryCodes.isAlpha2(cells[0].strip())) {
                    throw new IllegalStateException(path + ": not 'code, kind, form': " + line);
                }
                out.add(new String[] {cells[0].strip(), cells[1].strip().toLowerCase(Locale.ROOT), cells[2].strip()});
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
        return out;
    }


    /** The country words among a sentence's words, longest first, all-capitals forms only where so written. */
    List<PhraseIndex.Hit<Word>> find(List<Tokens.Token> tokens) {
        List<PhraseIndex.Hit<Word>> out = new ArrayList<>();
        for (PhraseIndex.Hit<Word> hit : index.find(tokens.stream().map(Tokens.Token::folded).toList())) {
            String written = tokens.subList(hit.from(), hit.to()).stream().map(Tokens.Token::text)
                    .reduce((a, b) -> a + " " + b).orElse("");
            String letters = written.replaceAll("[^\\p{L}\\p{N}]+", "");
            List<Word> words = hit.values().stream().filter(w -> w.acronym() == null
                    || w.acronym().replaceAll("[^\\p{L}\\p{N}]+", "").equals(letters)).toList();
            if (!words.isEmpty()) {
                out.add(new PhraseIndex.Hit<>(hit.from(), hit.to(), hit.key(), words));
            }
        }
        return out;
    }

    /** The country words of a phrase known only folded: all-capitals forms left out. */
    List<PhraseIndex.Hit<Word>> findFolded(List<String> words) {
        return index.find(words).stream().map(hit -> new PhraseIndex.Hit<>(hit.from(), hit.to(), hit.key(),
                hit.values().stream().filter(w -> w.acronym() == null).toList()))
                .filter(hit -> !hit.values().isEmpty()).toList();
    }
}
