package org.parley.draft;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Phrases of a few words and what they name, found in a text by looking up its runs of words: one hash look-up per word
 * and length, whatever the number of phrases (hundreds of participants cost what ten do).
 *
 * @param <T> what a phrase names
 */
final class PhraseIndex<T> {

    /** A phrase found: words [from, to) of the list searched, and what it names. */
    record Hit<T>(int from, int to, String key, List<T> values) {
    }

    private final Map<String, List<T>> byKey = new HashMap<>();
    /** The first words of the phrases: a place whose word starts none is passed over with one look-up. */
    private final java.util.Set<String> firstWords = new java.util.HashSet<>();
    private final Function<String, String> keyOfWord;
    private int longest = 1;

    /** @param keyOfWord the comparison form of one folded word (the same for phrases and texts) */
    PhraseIndex(Function<String, String> keyOfWord) {
        this.keyOfWord = keyOfWord;
    }

    /** Adds a phrase given as its folded words. */
    void add(List<String> words, T value) {
        List<String> keys = words.stream().map(keyOfWord).filter(k -> !k.isEmpty()).toList();
        if (keys.isEmpty()) {
            return;
        }
        firstWords.add(keys.get(0));
        List<T> values = byKey.computeIfAbsent(String.join(" ", keys), k -> new ArrayList<>());
        if (!values.contains(value)) {
            values.add(value);
        }
        longest = Math.max(longest, keys.size());
    }

    /** The comparison keys of words, to look up with {@link #findKeys} more than once. */
    List<String> keys(List<String> words) {
        return words.stream().map(keyOfWord).toList();
    }

    /** The phrases in a list of folded words, longest first at each place, not overlapping. */
    List<Hit<T>> find(List<String> words) {
        return findKeys(keys(words));
    }

    /** The same, given the words' keys. */
    List<Hit<T>> findKeys(List<String> keys) {
        List<Hit<T>> out = new ArrayList<>();
        for (int i = 0; i < keys.size();) {
            if (!firstWords.contains(keys.get(i))) {
                i++;
                continue;
            }
            Hit<T> hit = null;
            for (int n = Math.min(longest, keys.size() - i); n >= 1 && hit == null; n--) {
                String key = String.join(" ", keys.subList(i, i + n));
                List<T> values = byKey.get(key);
                if (values != null) {
                    hit = new Hit<>(i, i + n, key, values);
                }
            }
            if (hit == null) {
                i++;
            } else {
                out.add(hit);
                i = hit.to();
            }
        }
        return out;
    }
}
