package org.parley.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The analysis alone: which searched words find which texts, in each language of the data. */
class SearchTermsTest {

    /** Whether the word, searched for, finds the text written in that language. */
    private static boolean finds(String word, String text, String language) {
        Set<String> terms = new HashSet<>(SearchTerms.index(List.of(new SearchTerms.Field(text, language))).terms()
                .keySet());
        terms.retainAll(SearchTerms.alternatives(SearchTerms.words(word).get(0)));
        return !terms.isEmpty();
    }

    @ParameterizedTest(name = "{0}: {2} finds \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            fr | Les négociations ont été organisées à Genève   | organiser
            fr | Les négociations ont été organisées à Genève   | négociation
            fr | contre les révolutions de couleur              | revolution
            fr | la sécurité régionale                          | securite
            fr | la securite regionale, sans accents           | sécurité
            en | The ministers discussed the sanctions          | discuss
            en | The ministers discussed the sanctions          | sanction
            ru | Стороны обсудили вопросы безопасности          | безопасность
            ru | министры провели переговоры                    | переговор
            es | Los ministros hablaron de las negociaciones    | negociación
            es | Los ministros hablaron de las negociaciones    | hablar
            de | Die Verhandlungen über die Sanktionen          | Verhandlung
            de | Die Verhandlungen über die Sanktionen          | SANKTION
            pt | As negociações continuam entre os ministros    | negociação
            pt | As negociações continuam entre os ministros    | ministro
            it | I ministri hanno discusso le sanzioni          | sanzione
            it | I ministri hanno discusso le sanzioni          | ministro
            fr-CA | Les négociations se poursuivent             | negociation
            """)
    void aWordFindsItsInflectionsInTheTextsLanguage(String language, String text, String word) {
        assertTrue(finds(word, text, language), word + " in " + text);
    }

    @Test
    void aTextInAnotherLanguageKeepsItsWordsWhole() {
        assertEquals("", SearchTerms.languageOf("kk"));
        assertEquals("", SearchTerms.languageOf(null));
        assertEquals("pt", SearchTerms.languageOf("pt-BR"));
        assertTrue(finds("Қазақстан", "Қазақстан Республикасы", "kk"));
        assertFalse(finds("республика", "Қазақстан Республикасы", "kk"), "no stemmer for Kazakh: whole words");
        assertTrue(finds("республикасы", "Қазақстан Республикасы", "kk"));
    }

    @Test
    void differentWordsStayApart() {
        assertFalse(finds("organe", "Les négociations ont été organisées", "fr"));
        assertFalse(finds("couleur", "contre les révolutions", "fr"));
        assertFalse(finds("sanction", "The ministers discussed the sanctions policy", "ru"),
                "a text is stemmed by its own language only: Russian leaves English words whole");
        assertFalse(finds("securite", "Regional security", "en"),
                "the Italian stem of securite is secur, as is the English stem of security: each stays in its language");
    }

    @Test
    void theStemsOfEachTextAreKeptInOrderForPhrases() {
        SearchTerms.Indexed entry = SearchTerms.index(SearchTerms.translated("Révolutions de couleur", "fr",
                "Colour revolutions"));
        assertEquals(" revolu de couleur ; colour revolut ", entry.stems());
        Set<String> patterns = SearchTerms.phrasePatterns(List.of("révolutions", "de", "couleur"));
        assertTrue(patterns.contains("% revolu de couleur %"), patterns.toString());
        assertTrue(patterns.stream().noneMatch(p -> p.contains("couleur de")));
    }

    @Test
    void accentsChangeSomeStemsSoBothFormsAreKept() {
        // the French stemmer reads "organisées" as "organis" only with its accents
        SearchTerms.Indexed entry = SearchTerms.index(List.of(new SearchTerms.Field("organisées", "fr")));
        assertEquals(Set.of("fr:organise", "fr:organis"), entry.terms().keySet());
        assertEquals(" organise ; organis ", entry.stems());
    }

    @Test
    void weightsGrowWithOccurrencesAndShrinkWithLength() {
        assertTrue(SearchTerms.weight(2, 40) > SearchTerms.weight(1, 40));
        assertTrue(SearchTerms.weight(1, 10) > SearchTerms.weight(1, 80));
        assertEquals(100, SearchTerms.weight(1, 40), "one occurrence in a text of average length weighs 100");
        assertTrue(SearchTerms.weight(1000, 40) <= 220, "saturates at 100 × (k1 + 1)");
    }

    @Test
    void queriesReadQuotesPrefixesAndSplitWords() {
        SearchQuery query = SearchQuery.parse("“révolutions de couleur” kazakh* Xi-Jinping sécurité");
        assertNull(query.problem());
        assertEquals(4, query.clauses().size());
        assertTrue(query.clauses().get(0) instanceof SearchQuery.Phrase phrase && phrase.words().size() == 3);
        assertTrue(query.clauses().get(1) instanceof SearchQuery.Prefix prefix
                && prefix.starts().containsAll(Set.of(":kazakh", "fr:kazakh", "en:kazakh"))
                && prefix.starts().stream().allMatch(s -> s.endsWith(":kazakh") || s.endsWith(":kazak")),
                query.clauses().get(1).toString());
        assertTrue(query.clauses().get(2) instanceof SearchQuery.Phrase split && split.words().size() == 2,
                "a word the index splits is a phrase of its parts");
        assertTrue(query.clauses().get(3) instanceof SearchQuery.Word word && word.terms().contains("fr:securit"));
        assertTrue(SearchQuery.parse("revolution*").clauses().get(0) instanceof SearchQuery.Prefix p
                && p.starts().contains("fr:revolu") && !p.starts().contains("fr:revolution"),
                "a prefix's stems start terms too, and cover the longer starts");
        assertTrue(SearchQuery.parse("\"unclosed phrase").clauses().get(0) instanceof SearchQuery.Phrase);
    }

    @Test
    void badQueriesSayWhatIsWrong() {
        assertEquals("has the prefix 'ka*', shorter than 3 letters", SearchQuery.parse("ka*").problem());
        assertEquals("has no word to search for", SearchQuery.parse("\" \" * !!").problem());
        assertEquals("has more than 10 words", SearchQuery.parse("\"a b c d e f\" g h i j k").problem());
        assertTrue(SearchQuery.parse("  ").isEmpty());
        assertNull(SearchQuery.parse("  ").problem());
    }
}
