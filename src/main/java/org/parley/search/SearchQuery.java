package org.parley.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A {@code q} parameter read the way search boxes read it: words (all of them must be found, each in any of its
 * inflections), {@code "quoted phrases"} (these words adjacent and in this order) and prefixes ({@code kazakh*}).
 * A word that the index splits ("Xi-Jinping", "l'organisation") is a phrase of its parts. An unclosed quote runs to
 * the end.
 *
 * @param clauses what a record must match, every one of them
 * @param problem why the parameter cannot be searched for, or null
 */
public record SearchQuery(List<Clause> clauses, String problem) {

    /** Words a single {@code q} may hold, counting those of its phrases and prefixes. */
    public static final int MAX_WORDS = 10;

    /** Letters a prefix needs at least: a shorter one would match most of the index. */
    public static final int MIN_PREFIX = 3;

    /** One thing a record must match. */
    public sealed interface Clause permits Word, Prefix, Phrase {
    }

    /** A word: a record matches when it has any of these terms (the word's forms in every language). */
    public record Word(String word, Set<String> terms) implements Clause {
    }

    /** A prefix: a record matches when it has a term starting with one of these (the prefix folded and stemmed). */
    public record Prefix(String prefix, Set<String> starts) implements Clause {
    }

    /**
     * A phrase: a record matches when it has each word and one of its texts matches one of the patterns (see
     * {@link SearchTerms#phrasePatterns}).
     */
    public record Phrase(List<Word> words, Set<String> patterns) implements Clause {
    }

    public boolean isEmpty() {
        return clauses.isEmpty();
    }

    /** The query that matches everything. */
    public static SearchQuery none() {
        return new SearchQuery(List.of(), null);
    }

    /** Reads a {@code q}; blank means no search. */
    public static SearchQuery parse(String q) {
        if (q == null || q.isBlank()) {
            return none();
        }
        List<Clause> clauses = new ArrayList<>();
        int words = 0;
        String problem = null;
        for (Piece piece : pieces(q)) {
            List<String> parts = SearchTerms.words(piece.text());
            if (parts.isEmpty()) {
                continue;
            }
            words += parts.size();
            if (piece.prefix() && parts.size() == 1) {
                String prefix = parts.get(0);
                if (SearchTerms.folded(prefix).length() < MIN_PREFIX) {
                    problem = "has the prefix '" + prefix + "*', shorter than " + MIN_PREFIX + " letters";
                }
                clauses.add(new Prefix(prefix, SearchTerms.prefixStarts(prefix, MIN_PREFIX)));
            } else if (parts.size() == 1) {
                clauses.add(word(parts.get(0)));
            } else {
                clauses.add(new Phrase(parts.stream().map(SearchQuery::word).toList(),
                        SearchTerms.phrasePatterns(parts)));
            }
        }
        if (problem == null && clauses.isEmpty()) {
            problem = "has no word to search for";
        } else if (problem == null && words > MAX_WORDS) {
            problem = "has more than " + MAX_WORDS + " words";
        }
        return new SearchQuery(List.copyOf(clauses), problem);
    }

    private static Word word(String word) {
        return new Word(word, SearchTerms.alternatives(word));
    }

    /** A quoted phrase, a bare word, or a bare word ending in {@code *}. */
    private record Piece(String text, boolean prefix) {
    }

    private static List<Piece> pieces(String q) {
        List<Piece> pieces = new ArrayList<>();
        int i = 0;
        int n = q.length();
        while (i < n) {
            char c = q.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (isQuote(c)) {
                int end = i + 1;
                while (end < n && !isQuote(q.charAt(end))) {
                    end++;
                }
                pieces.add(new Piece(q.substring(i + 1, end), false));
                i = end + 1;
            } else {
                int end = i;
                while (end < n && !Character.isWhitespace(q.charAt(end)) && !isQuote(q.charAt(end))) {
                    end++;
                }
                String bare = q.substring(i, end);
                boolean prefix = bare.endsWith("*");
                pieces.add(new Piece(bare, prefix));
                i = end;
            }
        }
        return pieces;
    }

    /** The straight quote and the typographic ones a pasted phrase may carry. */
    private static boolean isQuote(char c) {
        return c == '"' || c == '“' || c == '”' || c == '«' || c == '»' || c == '„';
    }
}
