package org.parley.draft;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the database knows that a report may name: participants by name, alias and surname (compared through the
 * transliteration table, so that "Sergueï Lavrov" finds "Sergey Lavrov"), topics by name, slug and alias. Built once per
 * data generation and shared by every draft until the data changes.
 */
final class Gazetteer {

    /** A stored participant as the drafter needs it. */
    record Known(long id, String externalId, String wikidataId, String name, boolean organization, String country,
            String title, List<String> aliases) {

        /** The key an import names it by, or null when it has none. */
        String key() {
            return externalId != null ? externalId : wikidataId;
        }
    }

    /** A stored topic as the drafter needs it. */
    record KnownTopic(long id, String slug, String name, List<String> aliases) {
    }

    final List<Known> participants;
    final List<KnownTopic> topics;
    final PhraseIndex<Known> names;
    final Map<String, List<Known>> byWord = new HashMap<>();
    final PhraseIndex<KnownTopic> topicPhrases = new PhraseIndex<>(Gazetteer::topicKey);
    final List<Fold.Transliteration> transliteration;
    /** The stored participants' external ids: a new person's proposed key must be none of them. */
    final java.util.Set<String> externalIds = new java.util.HashSet<>();

    Gazetteer(List<Known> participants, List<KnownTopic> topics, List<Fold.Transliteration> transliteration) {
        this.participants = List.copyOf(participants);
        this.topics = List.copyOf(topics);
        this.transliteration = transliteration;
        this.names = new PhraseIndex<>(word -> Fold.nameKey(word, transliteration));
        for (Known known : participants) {
            externalIds.add(known.externalId());
            List<String> forms = new ArrayList<>(known.aliases());
            forms.add(0, known.name());
            for (String form : forms) {
                List<String> words = words(form);
                names.add(words, known);
                for (String word : words) {
                    String key = Fold.nameKey(word, transliteration);
                    if (key.length() >= 2) {
                        List<Known> list = byWord.computeIfAbsent(key, k -> new ArrayList<>());
                        if (!list.contains(known)) {
                            list.add(known);
                        }
                    }
                }
            }
        }
        for (KnownTopic topic : topics) {
            topicPhrases.add(words(topic.name().replaceAll("\\s*\\([^)]*\\)", "")), topic);
            topicPhrases.add(List.of(topic.slug().split("-")), topic);
            topic.aliases().forEach(alias -> topicPhrases.add(words(alias), topic));
        }
    }

    /** The folded words of a name or phrase (ICU's word boundaries, no language's elisions). */
    static List<String> words(String phrase) {
        BreakIterator iterator = BreakIterator.getWordInstance(ULocale.ROOT);
        String folded = Fold.fold(phrase);
        iterator.setText(phrase);
        List<String> out = new ArrayList<>();
        int s = iterator.first();
        for (int e = iterator.next(); e != BreakIterator.DONE; s = e, e = iterator.next()) {
            if (iterator.getRuleStatus() != BreakIterator.WORD_NONE) {
                out.add(folded.substring(s, e));
            }
        }
        return out;
    }

    /**
     * A topic word's key: folded, an elided article taken off ("d'hiver" of a stored alias meets the "hiver" that a
     * French report's words give), a plural's final s or x taken off ("révolutions" meets "revolution").
     */
    static String topicKey(String word) {
        String key = Fold.phrase(word).replaceFirst("^[a-z]{1,2}'(?=[a-z])", "");
        return key.length() > 3 && (key.endsWith("s") || key.endsWith("x")) ? key.substring(0, key.length() - 1) : key;
    }

    /** Participants one of whose names has this word ("Lavrov", "Wang"). */
    List<Known> byWord(String foldedWord) {
        return byWord.getOrDefault(Fold.nameKey(foldedWord, transliteration), List.of());
    }
}
