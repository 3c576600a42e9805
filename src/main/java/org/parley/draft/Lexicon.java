package org.parley.draft;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parley.event.EventType;

/**
 * The drafter's knowledge of one language, as kept in {@code draft/lexicon/<language>.json}: its words (weekdays,
 * months, titles, reporting verbs, ...) and its attribution rules. A new language is a new file and a line in
 * {@code draft/lexicon/languages.txt}: no Java change. Words are written as reports write them and matched folded
 * (see {@link Fold}); rules are regular expressions over the folded sentence where {@code {NAME}} stands for the words of
 * the list {@code NAME}.
 */
final class Lexicon {

    /** The lexicon file as written. */
    record File(String language, String name, String about, List<String> stopwords, List<String> abbreviations,
            List<String> elisions, List<String> possessives, List<String> honorifics, List<String> weekdays, List<List<String>> months,
            Map<String, Integer> relativeDays, List<String> datePatterns, String dateline,
            List<TypeCues> eventTypes, List<String> meetingVerbs, List<String> partners, List<String> titles, List<String> descriptions,
            List<String> counterparts, List<String> pronouns, List<String> connectors, List<String> narration, List<String> inserts, List<String> conjunctions,
            List<String> indefinites,
            Map<String, List<String>> words, List<RuleFile> rules, String continuation, String split, List<List<String>> quotes) {
    }

    /** The cues that make an event of a type, most specific type first. */
    record TypeCues(EventType type, List<String> cues) {
    }

    /** An attribution rule as written. {@code content: "sentence"} makes the whole sentence the statement. */
    record RuleFile(String id, String pattern, double confidence, String content, String explain) {
    }

    /** An attribution rule compiled. */
    record Rule(String id, Pattern pattern, double confidence, boolean wholeSentence, String explain) {
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Z_]+)\\}");
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    final String language;
    final String name;
    final List<String> stopwords;
    final List<String> abbreviations;
    final List<String> elisions;
    final List<String> possessives;
    final List<String> honorifics;
    final List<String> weekdays;
    final Map<String, Integer> months = new HashMap<>();
    final Map<String, Integer> relativeDays = new LinkedHashMap<>();
    final List<Pattern> datePatterns = new ArrayList<>();
    final Pattern dateline;
    final List<TypeCues> eventTypes;
    /** The cues of each entry of {@link #eventTypes}, as one pattern each, in the same order. */
    final List<Pattern> typeCues = new ArrayList<>();
    final Pattern meetingVerbPattern;
    final List<String> meetingVerbs;
    final List<String> partners;
    final List<String> titles;
    final List<String> descriptions;
    final List<String> counterparts;
    final List<String> pronouns;
    final List<String> connectors;
    final List<String> narration;
    final List<String> inserts;
    final List<String> conjunctions;
    final List<String> indefinites;
    /** Every word of a title ('state' of 'Secretary of State'): not the first word of a name after it. */
    final java.util.Set<String> titleWords = new java.util.HashSet<>();
    final List<Rule> rules = new ArrayList<>();
    final Pattern continuation;
    /** Where a statement's words hold a second position of the same speaker: ", adding that ...". */
    final Pattern split;
    final List<List<String>> quotes;
    /** Titles ("ministre", "Foreign Minister") and definite descriptions ("chef de la diplomatie"), as words. */
    final PhraseIndex<String> titleIndex = new PhraseIndex<>(word -> word);
    final PhraseIndex<String> descriptionIndex = new PhraseIndex<>(word -> word);
    private final Map<String, String> alternations = new HashMap<>();

    private Lexicon(File file) {
        language = file.language();
        name = file.name();
        stopwords = folded(file.stopwords());
        abbreviations = file.abbreviations();
        elisions = folded(file.elisions());
        possessives = folded(file.possessives());
        honorifics = folded(file.honorifics());
        weekdays = folded(file.weekdays());
        for (int m = 0; m < file.months().size(); m++) {
            for (String form : file.months().get(m)) {
                months.put(Fold.phrase(form), m + 1);
            }
        }
        file.relativeDays().forEach((words, days) -> relativeDays.put(Fold.phrase(words), days));
        eventTypes = file.eventTypes();
        meetingVerbs = folded(file.meetingVerbs());
        meetingVerbPattern = Fold.wholeWords(meetingVerbs);
        eventTypes.forEach(t -> typeCues.add(Fold.wholeWords(t.cues())));
        partners = folded(file.partners());
        titles = folded(file.titles());
        descriptions = folded(file.descriptions());
        counterparts = folded(file.counterparts());
        pronouns = folded(file.pronouns());
        connectors = folded(file.connectors());
        narration = folded(file.narration());
        inserts = folded(file.inserts());
        conjunctions = folded(file.conjunctions());
        indefinites = folded(file.indefinites());
        quotes = file.quotes();
        file.words().forEach((key, words) -> alternations.put(key, Fold.alternation(words)));
        alternations.put("WEEKDAY", Fold.alternation(file.weekdays()));
        alternations.put("MONTH", Fold.alternation(file.months().stream().flatMap(List::stream).toList()));
        alternations.put("RELATIVE", Fold.alternation(List.copyOf(file.relativeDays().keySet())));
        for (String pattern : file.datePatterns()) {
            datePatterns.add(compile(pattern, "datePatterns"));
        }
        dateline = compile(file.dateline(), "dateline");
        for (RuleFile rule : file.rules()) {
            rules.add(new Rule(rule.id(), compile(rule.pattern(), rule.id()), rule.confidence(),
                    "sentence".equals(rule.content()), rule.explain()));
        }
        continuation = compile(file.continuation(), "continuation");
        split = compile(file.split(), "split");
        titles.forEach(title -> titleIndex.add(words(title), title));
        titles.forEach(title -> titleWords.addAll(words(title)));
        descriptions.forEach(description -> descriptionIndex.add(words(description), description));
        counterparts.forEach(counterpart -> descriptionIndex.add(words(counterpart), counterpart));
    }

    /** The folded words of a phrase, split as this language splits a report's words. */
    List<String> words(String phrase) {
        return Tokens.words(phrase, Fold.fold(phrase), 0, phrase.length(), this).stream()
                .map(Tokens.Token::folded).toList();
    }

    static Lexicon load(String language) {
        String path = "/draft/lexicon/" + language + ".json";
        try (InputStream in = Lexicon.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no lexicon " + path);
            }
            File file = MAPPER.readValue(in, File.class);
            if (!language.equals(file.language())) {
                throw new IllegalStateException(path + " is the lexicon of " + file.language());
            }
            return new Lexicon(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /** A rule of the file with its placeholders replaced by the alternations of their word lists. */
    private Pattern compile(String pattern, String where) {
        Matcher m = PLACEHOLDER.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String alternation = alternations.get(m.group(1));
            if (alternation == null) {
                throw new IllegalStateException("lexicon " + language + ", " + where + ": no word list " + m.group());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(alternation));
        }
        m.appendTail(out);
        return Pattern.compile(out.toString());
    }

    private static List<String> folded(List<String> words) {
        return words == null ? List.of() : words.stream().map(Fold::phrase).distinct().toList();
    }
}
