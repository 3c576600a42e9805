package org.parley.draft;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.text.FilteredBreakIteratorBuilder;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.List;

/**
 * Sentence and word boundaries by ICU, the library of Unicode's own segmentation rules: sentences do not end after a
 * lexicon's abbreviations ("M.", "Mr."), and a quotation that spans several sentences stays one unit; words are ICU's
 * words, with French elisions ("l'OTSC") and English possessives ("Russia's") taken off.
 */
final class Tokens {

    /** A word of the text: its place and its folded form (lower case, no accents). */
    record Token(int start, int end, String text, String folded) {
        boolean capitalized() {
            return Character.isUpperCase(text.codePointAt(0));
        }
    }

    /** A sentence of the text, trimmed: [start, end). */
    record Sentence(int start, int end) {
    }

    private Tokens() {
    }

    static List<Sentence> sentences(String text, String folded, Lexicon lexicon) {
        ULocale locale = new ULocale(lexicon.language + "@ss=standard");
        FilteredBreakIteratorBuilder filter = FilteredBreakIteratorBuilder.getInstance(locale);
        lexicon.abbreviations.forEach(filter::suppressBreakAfter);
        BreakIterator iterator = filter.wrapIteratorWithFilter(BreakIterator.getSentenceInstance(locale));
        iterator.setText(text);
        java.util.Set<String> abbreviations = new java.util.HashSet<>();
        lexicon.abbreviations.forEach(a -> abbreviations.add(Fold.fold(a)));
        List<Sentence> out = new ArrayList<>();
        int openStart = -1;
        int start = iterator.first();
        for (int end = iterator.next(); end != BreakIterator.DONE; start = end, end = iterator.next()) {
            int s = openStart >= 0 ? openStart : start;
            int[] trimmed = trim(text, s, end);
            if (trimmed == null) {
                continue;
            }
            boolean lineEnds = text.substring(start, end).indexOf('\n') >= 0;
            if (!lineEnds && end < text.length() && (quoteOpen(folded, trimmed[0], trimmed[1])
                    || endsWithAbbreviation(folded, trimmed[0], trimmed[1], abbreviations))) {
                openStart = trimmed[0]; // the quotation goes on in the next sentence: keep them together
                continue;
            }
            openStart = -1;
            out.add(new Sentence(trimmed[0], trimmed[1]));
        }
        if (openStart >= 0) {
            int[] trimmed = trim(text, openStart, text.length());
            if (trimmed != null) {
                out.add(new Sentence(trimmed[0], trimmed[1]));
            }
        }
        return out;
    }

    /**
     * Whether [start, end) ends with one of the lexicon's abbreviations: ICU's suppressions miss those with inner dots
     * ("U.S."), so such a break is undone here.
     */
    private static boolean endsWithAbbreviation(String folded, int start, int end, java.util.Set<String> abbreviations) {
        int k = end;
        while (k > start && !Character.isWhitespace(folded.charAt(k - 1))) {
            k--;
        }
        String last = folded.substring(k, end);
        // an initial ("Antony J. Blinken") ends no sentence either
        return abbreviations.contains(last) || last.length() == 2 && Character.isLetter(last.charAt(0))
                && last.charAt(1) == '.';
    }

    /** Whether a quotation opened in [start, end) is not closed there (folded text has every mark as {@code "}). */
    private static boolean quoteOpen(String folded, int start, int end) {
        int marks = 0;
        for (int i = start; i < end; i++) {
            if (folded.charAt(i) == '"') {
                marks++;
            }
        }
        return marks % 2 == 1;
    }

    private static int[] trim(String text, int start, int end) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return start < end ? new int[] {start, end} : null;
    }

    /** The words of [start, end) of the text. */
    static List<Token> words(String text, String folded, int start, int end, Lexicon lexicon) {
        BreakIterator iterator = BreakIterator.getWordInstance(new ULocale(lexicon.language));
        iterator.setText(text.substring(start, end));
        List<Token> out = new ArrayList<>();
        int s = iterator.first();
        for (int e = iterator.next(); e != BreakIterator.DONE; s = e, e = iterator.next()) {
            if (iterator.getRuleStatus() == BreakIterator.WORD_NONE) {
                continue;
            }
            int ts = start + s;
            int te = start + e;
            String f = folded.substring(ts, te);
            for (String elision : lexicon.elisions) {
                if (f.startsWith(elision) && f.length() > elision.length()) {
                    ts += elision.length();
                    f = f.substring(elision.length());
                    break;
                }
            }
            for (String possessive : lexicon.possessives) {
                if (f.endsWith(possessive) && f.length() > possessive.length()) {
                    te -= possessive.length();
                    f = f.substring(0, f.length() - possessive.length());
                    break;
                }
            }
            out.add(new Token(ts, te, text.substring(ts, te), f));
        }
        return out;
    }
}
