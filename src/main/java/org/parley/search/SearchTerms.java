package org.parley.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.tartarus.snowball.SnowballStemmer;

/**
 * What the search index keeps of a text, and what a searched word may be in it: the text's words, lowercased,
 * reduced to their stem by the Snowball stemmer of the text's language (Lucene's, from lucene-analysis-common), with
 * accents removed, so that "révolutions", "Revolution" and "revolution" are one term in a French text.
 *
 * <p>Each word gives two forms: the stem of the word without its accents, and the stem of the word as written,
 * without accents afterwards. Stemmers read accents ("organisées" is "organis" only with its accents; "sécurité" is
 * "secur" with them and "securit" without), so a text keeps both forms and a searched word looks for both: a word
 * typed with or without its accents finds the text written either way.
 *
 * <p>A term is tagged with the language whose stemmer made it ({@code fr:revolu}; {@code :word} for a text in a
 * language without a stemmer), so that a searched word finds a text only by that text's own stemmer: the Italian stem
 * of "securite" is "secur", which must not find the English "security".
 *
 * <p>Words are split here rather than by a Lucene tokenizer, at anything but a letter, a digit or a combining mark,
 * so that every language splits "l'organisation" or "Xi-Jinping" alike: a searched word then has the same number of
 * parts in every language, which the phrase patterns need.
 */
public final class SearchTerms {

    /** Longest term kept; longer words are cut. */
    public static final int MAX_LENGTH = 100;

    /** Longest stem sequence kept for a record's phrases (the column's size). */
    public static final int MAX_STEMS = 1_000_000;

    /**
     * The Snowball stemmer of each language (the primary subtag of a BCP 47 tag: "fr" for "fr-CA"): those of the
     * data (French, English, Russian, Spanish, German, Portuguese, Italian) and a few more of diplomacy. A text in
     * another language, or in none, keeps its words unstemmed.
     */
    static final Map<String, String> STEMMERS = Map.ofEntries(
            Map.entry("fr", "French"), Map.entry("en", "English"), Map.entry("ru", "Russian"),
            Map.entry("es", "Spanish"), Map.entry("de", "German"), Map.entry("pt", "Portuguese"),
            Map.entry("it", "Italian"), Map.entry("nl", "Dutch"), Map.entry("tr", "Turkish"),
            Map.entry("ar", "Arabic"));

    /** The tag of the terms of texts whose language has no stemmer. */
    static final String NO_STEMMER = "";

    /** The language of the texts that have none of their own: event titles, summaries and translations. */
    public static final String ENGLISH = "en";

    /** BM25's term-frequency saturation and length normalisation, with an average text length fixed in advance. */
    private static final double K1 = 1.2;
    private static final double B = 0.75;
    private static final double AVERAGE_WORDS = 40;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}\\p{M}]+");

    /** Stemmers keep state: one of each per thread. */
    private static final ThreadLocal<Map<String, SnowballStemmer>> STEMMER_INSTANCES =
            ThreadLocal.withInitial(HashMap::new);

    /**
     * The forms of the words a thread stemmed lately, by stemmer and word: a text's words are mostly words other
     * texts had (a bulk import stems millions), and a look-up costs a fraction of stemming and folding again.
     * Emptied when it reaches {@value #FORMS_KEPT} words.
     */
    private static final ThreadLocal<Map<String, String[]>> RECENT_FORMS = ThreadLocal.withInitial(HashMap::new);
    private static final int FORMS_KEPT = 50_000;

    private SearchTerms() {
    }

    /** A text and its language (a BCP 47 tag; null when unknown: its words are not stemmed). */
    public record Field(String text, String language) {
    }

    /**
     * What the index keeps of a record: each term with its weight, and the sequences of its texts' stems, which a
     * quoted phrase is matched against.
     *
     * @param terms each term and its weight in the record (see {@link #weight})
     * @param stems each text's stems in order, as {@code " a b c "}, the texts separated by {@code ;}, for a
     *              {@code like '% a b %'} on records that have every word of a phrase
     */
    public record Indexed(Map<String, Integer> terms, String stems) {
    }

    /** A text in its language and its English translation (either may be null). */
    public static List<Field> translated(String text, String language, String translation) {
        return List.of(new Field(text, language), new Field(translation, ENGLISH));
    }

    /** The index entry of a record made of these texts; null texts are skipped. */
    public static Indexed index(List<Field> fields) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Set<String> sequences = new LinkedHashSet<>();
        int length = 0;
        for (Field field : fields) {
            if (field.text() == null) {
                continue;
            }
            List<String> words = words(field.text());
            length += words.size();
            String language = languageOf(field.language());
            List<String> plain = new ArrayList<>(words.size());
            List<String> written = new ArrayList<>(words.size());
            for (String word : words) {
                String[] forms = forms(word, STEMMERS.get(language));
                plain.add(forms[0]);
                written.add(forms[1]);
                counts.merge(term(language, forms[0]), 1, Integer::sum);
                if (!forms[1].equals(forms[0])) {
                    counts.merge(term(language, forms[1]), 1, Integer::sum);
                }
            }
            if (!words.isEmpty()) {
                sequences.add(" " + String.join(" ", plain) + " ");
                sequences.add(" " + String.join(" ", written) + " ");
            }
        }
        Map<String, Integer> terms = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> count : counts.entrySet()) {
            terms.put(count.getKey(), weight(count.getValue(), length));
        }
        String stems = String.join(";", sequences);
        return new Indexed(terms, stems.length() > MAX_STEMS ? stems.substring(0, MAX_STEMS) : stems);
    }

    /**
     * A term's weight in a record, BM25's term part: {@code 100 × tf × (k1 + 1) / (tf + k1 × (1 − b + b × len /
     * avg))} with k1 = 1.2, b = 0.75 and an average of 40 words, rounded. More occurrences weigh more, with
     * diminishing returns, and the same count weighs less in a longer record. An integer, so that scores order and
     * page exactly.
     */
    static int weight(int occurrences, int length) {
        double norm = K1 * (1 - B + B * length / AVERAGE_WORDS);
        return (int) Math.round(100 * occurrences * (K1 + 1) / (occurrences + norm));
    }

    /** The words of a text in order: lowercase, split at anything but letters, digits and combining marks. */
    public static List<String> words(String text) {
        String composed = Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text
                : Normalizer.normalize(text, Normalizer.Form.NFC);
        String lower = composed.toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        for (String word : NOT_WORD.split(lower)) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    /**
     * Every term a word may be in the index, whatever the language of the text it is in: its two forms under each
     * language's stemmer, and unstemmed for texts in other languages.
     */
    public static Set<String> alternatives(String word) {
        Set<String> terms = new LinkedHashSet<>();
        terms.add(term(NO_STEMMER, fold(word)));
        STEMMERS.forEach((language, stemmer) -> {
            String[] forms = forms(word, stemmer);
            terms.add(term(language, forms[0]));
            terms.add(term(language, forms[1]));
        });
        return terms;
    }

    /**
     * The starts of the terms a prefix finds, in each language: the prefix folded and its two stemmed forms (a stem
     * is never longer), so that {@code revolution*} finds the French stem "revolu" of "révolutions". A start that
     * another start of its language already covers, or shorter than {@code minimum} letters, is left out.
     */
    public static Set<String> prefixStarts(String prefix, int minimum) {
        Set<String> starts = new java.util.TreeSet<>();
        String folded = fold(prefix);
        starts.add(term(NO_STEMMER, folded));
        STEMMERS.forEach((language, stemmer) -> {
            List<String> candidates = new ArrayList<>(List.of(folded));
            candidates.addAll(List.of(forms(prefix, stemmer)));
            candidates.removeIf(c -> c.length() < minimum);
            String shortest = candidates.stream().min(java.util.Comparator.comparingInt(String::length))
                    .orElse(folded);
            for (String candidate : candidates) {
                if (candidate.equals(shortest) || !candidate.startsWith(shortest)) {
                    starts.add(term(language, candidate));
                }
            }
        });
        return starts;
    }

    /**
     * The {@code like} patterns of a phrase, one per stemmer and form: {@code "% a b c %"}, which a record's
     * {@link Indexed#stems} matches when one of its texts has these words adjacent and in this order.
     */
    public static Set<String> phrasePatterns(List<String> words) {
        Set<String> patterns = new LinkedHashSet<>();
        patterns.add(pattern(words.stream().map(w -> cut(fold(w))).toList()));
        for (String stemmer : STEMMERS.values()) {
            for (int form = 0; form < 2; form++) {
                int f = form;
                patterns.add(pattern(words.stream().map(w -> forms(w, stemmer)[f]).toList()));
            }
        }
        return patterns;
    }

    private static String pattern(List<String> stems) {
        // terms hold letters, digits and nothing else, so nothing in them is a like wildcard
        return "% " + String.join(" ", stems) + " %";
    }

    /** A word folded as the index keeps it, unstemmed. */
    public static String folded(String word) {
        return cut(fold(word));
    }

    /** The language of a BCP 47 tag whose stemmer the index uses ("fr" for "fr-CA"), or {@link #NO_STEMMER}. */
    static String languageOf(String tag) {
        if (tag == null) {
            return NO_STEMMER;
        }
        int dash = tag.indexOf('-');
        String language = (dash < 0 ? tag : tag.substring(0, dash)).toLowerCase(Locale.ROOT);
        return STEMMERS.containsKey(language) ? language : NO_STEMMER;
    }

    /** A term as the index keeps it: the language of its stemmer, a colon, and the form, cut to the maximum. */
    private static String term(String language, String form) {
        return cut(language + ":" + form);
    }

    /** The word's two forms: the stem of the word without accents, and the stem of the word, without accents. */
    private static String[] forms(String word, String stemmer) {
        Map<String, String[]> recent = RECENT_FORMS.get();
        String key = stemmer + ':' + word;
        String[] forms = recent.get(key);
        if (forms == null) {
            if (recent.size() >= FORMS_KEPT) {
                recent.clear();
            }
            forms = stemmed(word, stemmer);
            recent.put(key, forms);
        }
        return forms;
    }

    private static String[] stemmed(String word, String stemmer) {
        String folded = fold(word);
        if (stemmer == null) {
            String term = cut(folded);
            return new String[] {term, term};
        }
        String plain = cut(stem(stemmer, folded));
        String written = folded.equals(word) ? plain : cut(fold(stem(stemmer, word)));
        return new String[] {plain, written};
    }

    private static String stem(String stemmer, String word) {
        SnowballStemmer instance = STEMMER_INSTANCES.get().computeIfAbsent(stemmer, SearchTerms::newStemmer);
        instance.setCurrent(word);
        instance.stem();
        return instance.getCurrent();
    }

    private static SnowballStemmer newStemmer(String name) {
        try {
            return (SnowballStemmer) Class.forName("org.tartarus.snowball.ext." + name + "Stemmer")
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("no Snowball stemmer " + name, e);
        }
    }

    /** Lowercase without accents (marks removed after canonical decomposition); ASCII is left as it is. */
    private static String fold(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (word.charAt(i) >= 0x80) {
                return MARKS.matcher(Normalizer.normalize(word, Normalizer.Form.NFD)).replaceAll("");
            }
        }
        return word;
    }

    private static String cut(String term) {
        return term.length() > MAX_LENGTH ? term.substring(0, MAX_LENGTH) : term;
    }
}
