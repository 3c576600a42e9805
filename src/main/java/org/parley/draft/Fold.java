package org.parley.draft;

import java.text.Normalizer;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The matching forms of text. {@link #fold} keeps one character for each character of the original, so that an offset
 * found in the folded text is the same offset in the report: spans stay exact.
 */
final class Fold {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private Fold() {
    }

    /**
     * Lower case without accents, every quotation mark as {@code "}, every apostrophe as {@code '}, every dash as
     * {@code -} and every space as a plain space; one character for each character of {@code text}.
     */
    static String fold(String text) {
        char[] out = new char[text.length()];
        for (int i = 0; i < text.length(); i++) {
            out[i] = foldChar(text.charAt(i));
        }
        return new String(out);
    }

    private static char foldChar(char c) {
        if (c < 128) {
            return Character.toLowerCase(c);
        }
        switch (c) {
            case '«', '»', '“', '”', '„', '‟', '‹', '›':
                return '"';
            case '’', '‘', 'ʼ', '′':
                return '\'';
            case '–', '—', '‐', '‑', '−':
                return '-';
            case '\u00a0', '\u202f', '\u2009', '\u2007':
                return ' ';
            case 'œ':
            case 'Œ':
                return 'o'; // one character for one: "œ" stays countable, and "oeuvre" is rare in names
            case 'ß':
                return 's';
            case 'ø', 'Ø':
                return 'o';
            case 'ł', 'Ł':
                return 'l';
            case 'đ', 'Đ':
                return 'd';
            case 'ı', 'İ':
                return 'i';
            default:
                if (Character.isSurrogate(c)) {
                    return c;
                }
                String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
                char base = decomposed.charAt(0);
                return Character.isLetter(base) || Character.isDigit(base) ? Character.toLowerCase(base)
                        : Character.getType(base) == Character.NON_SPACING_MARK ? ' ' : base;
        }
    }

    /** A word or phrase of a lexicon as the folded text has it, spaces collapsed (a free-length form: not for spans). */
    static String phrase(String words) {
        String folded = MARKS.matcher(Normalizer.normalize(words.strip(), Normalizer.Form.NFD)).replaceAll("");
        return fold(folded).replaceAll("\\s+", " ");
    }

    /** A regular expression matching a lexicon phrase in folded text, any run of spaces between its words. */
    static String regex(String words) {
        StringBuilder out = new StringBuilder();
        for (String word : phrase(words).split(" ")) {
            if (!out.isEmpty()) {
                out.append("\\s+");
            }
            out.append(Pattern.quote(word));
        }
        return out.toString();
    }

    /**
     * An alternation of lexicon phrases, written as a trie of their characters: the regex engine then tries a place in
     * a sentence once per character instead of once per phrase (hundreds of verbs cost what a few do), and a longer
     * phrase is preferred to its prefix ("a dit" before "a").
     */
    static String alternation(List<String> words) {
        Trie root = new Trie();
        words.stream().map(Fold::phrase).filter(w -> !w.isEmpty()).forEach(root::add);
        return root.children.isEmpty() ? "(?!)" : "(?:" + root.regex() + ")";
    }

    /** Phrases by their characters; a space stands for any run of spaces. */
    private static final class Trie {
        private final java.util.TreeMap<Character, Trie> children = new java.util.TreeMap<>();
        private boolean end;

        void add(String phrase) {
            Trie node = this;
            for (char c : phrase.toCharArray()) {
                node = node.children.computeIfAbsent(c, k -> new Trie());
            }
            node.end = true;
        }

        String regex() {
            List<String> branches = new java.util.ArrayList<>();
            children.forEach((c, child) -> branches.add((c == ' ' ? "\\s+"
                    : Character.isLetterOrDigit(c) ? String.valueOf(c) : "\\" + c)
                    + (child.children.isEmpty() ? "" : child.children.size() == 1 && !child.end ? child.regex()
                    : "(?:" + child.regex() + ")")));
            if (end) {
                branches.add(""); // the phrase may end here: after the longer ones, so that they are tried first
            }
            return String.join("|", branches);
        }
    }

    /** Comparison key of a name token: folded, then the transliteration rules (Sergueï, Sergei, Sergey: sergei). */
    static String nameKey(String token, List<Transliteration> rules) {
        String key = phrase(token).replaceAll("[^\\p{L}\\p{N}]", "");
        for (Transliteration rule : rules) {
            key = rule.apply(key);
        }
        return key;
    }

    /** One rewrite of the transliteration table: a pattern over a folded token and its replacement. */
    record Transliteration(Pattern pattern, String replacement) {
        String apply(String key) {
            Matcher m = pattern.matcher(key);
            return m.find() ? m.replaceAll(replacement) : key;
        }
    }

    /** Lexicon phrases as one whole-word pattern over folded text: any of them, not inside a longer word. */
    static Pattern wholeWords(List<String> phrases) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + alternation(phrases) + "(?![\\p{L}\\p{N}])");
    }
}
