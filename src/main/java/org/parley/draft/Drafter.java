package org.parley.draft;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parley.draft.DraftNotes.CountryNote;
import org.parley.draft.DraftNotes.Skipped;
import org.parley.statement.Span;
import org.parley.draft.DraftNotes.TopicNote;
import org.parley.draft.Tokens.Sentence;
import org.parley.draft.Tokens.Token;
import org.parley.event.EventType;
import org.parley.event.Location;
import org.parley.statement.StatementKind;

/**
 * Drafts an event from the text of one report, by the rules of its language's lexicon: who met or called whom (the
 * lead sentence), when (its date words against the report's day), and every position a participant expressed there
 * (the attribution rules), each with the exact characters it comes from. Pure: the database's participants and topics
 * come in as a {@link Gazetteer}, and nothing is written.
 */
final class Drafter {

    /** What the curator tells of the report, checked. */
    record Report(String text, String title, LocalDate day, String dayCue) {
    }

    /** A person (or organisation) of the report: a stored participant, or one proposed as new. */
    static final class Person {
        final Gazetteer.Known known;
        final String name;
        String country;
        String countryCue;
        String title;
        final String matchedBy;
        final int start;
        final int end;
        final Set<String> wordKeys = new LinkedHashSet<>();
        boolean inLead;
        boolean speaks;

        Person(Gazetteer.Known known, String name, String country, String matchedBy, int start, int end) {
            this.known = known;
            this.name = name;
            this.country = country;
            this.matchedBy = matchedBy;
            this.start = start;
            this.end = end;
        }

        boolean organization() {
            return known != null && known.organization();
        }
    }

    /** A person named at [start, end). */
    record Mention(int start, int end, Person person) {
    }

    /** A statement drafted: its speaker, its characters and how it was attributed. */
    record Drafted(Person speaker, int start, int end, StatementKind kind, String rule, int cueStart, int cueEnd,
            String speakerCue, double confidence) {
    }

    /** The event drafted from the report. */
    record Result(EventType type, String typeCue, LocalDate date, String dateReasoning, Span dateSpan, Span lead,
            Span dateline, Location location, List<Person> participants, List<CountryNote> subjectCountries,
            List<TopicNote> topics, Map<Drafted, List<String>> statementTopics, List<Drafted> statements,
            List<Skipped> skipped, List<String> warnings, String reason) {
    }

    private static final Pattern SENTENCE_END = Pattern.compile("[.!?\"»”)]\\s*$");
    private static final Set<String> PARTICLES = Set.of("von", "van", "der", "den", "al", "el", "bin", "ibn", "bint",
            "da", "dos", "del", "della", "di", "de", "la", "le", "ben", "abu");

    private final Lexicon lexicon;
    private final CountryWords countries;
    private final Gazetteer gazetteer;
    private final String text;
    private final String folded;
    private final List<Sentence> sentences;
    private final List<List<Token>> words = new ArrayList<>();
    private final List<Person> cast = new ArrayList<>();
    private final List<Mention> mentions = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    private Drafter(Lexicon lexicon, CountryWords countries, Gazetteer gazetteer, String text) {
        this.lexicon = lexicon;
        this.countries = countries;
        this.gazetteer = gazetteer;
        this.text = text;
        this.folded = Fold.fold(text);
        this.sentences = Tokens.sentences(text, folded, lexicon);
        for (Sentence sentence : sentences) {
            words.add(Tokens.words(text, folded, sentence.start(), sentence.end(), lexicon));
        }
    }

    static Result draft(Lexicon lexicon, CountryWords countries, Gazetteer gazetteer, Report report) {
        return new Drafter(lexicon, countries, gazetteer, report.text()).run(report);
    }

    private Result run(Report report) {
        Span dateline = null;
        LocalDate day = report.day();
        String dayCue = report.dayCue();
        for (int i = 0; i < Math.min(8, sentences.size()) && dateline == null; i++) {
            Matcher m = lexicon.dateline.matcher(folded).region(sentences.get(i).start(), sentences.get(i).end());
            if (m.lookingAt()) {
                LocalDate written = Dates.dateline(m, lexicon, day);
                dateline = new Span(m.start(), m.end());
                if (written != null) {
                    dayCue = "the dateline '" + text.substring(m.start(), m.end()).strip() + "' (" + Dates.name(
                            written.getDayOfWeek()) + " " + written + ")";
                    day = written;
                }
            }
        }
        for (int i = 0; i < sentences.size(); i++) {
            findPeople(i);
        }
        int lead = leadSentence();
        List<Person> participants = new ArrayList<>();
        if (lead >= 0) {
            for (Mention mention : mentionsIn(sentences.get(lead).start(), sentences.get(lead).end())) {
                if (!mention.person().organization() && !participants.contains(mention.person())) {
                    mention.person().inLead = true;
                    participants.add(mention.person());
                }
            }
        }
        List<Drafted> statements = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        Person last = participants.isEmpty() ? null : participants.get(0);
        for (int i = 0; i < sentences.size(); i++) {
            Sentence sentence = sentences.get(i);
            Attribution attribution = attribute(sentence, participants, last);
            if (attribution.statements().isEmpty()) {
                skipped.add(new Skipped(new Span(sentence.start(), sentence.end()),
                        text.substring(sentence.start(), sentence.end()), attribution.reason()));
                continue;
            }
            for (Drafted drafted : attribution.statements()) {
                statements.add(drafted);
                last = drafted.speaker();
                last.speaks = true;
                if (!participants.contains(last)) {
                    participants.add(last);
                }
            }
        }
        // the event
        Sentence leadSentence = lead >= 0 ? sentences.get(lead) : null;
        String[] typed = type(leadSentence, report.title());
        EventType type = typed[0] == null ? (statements.isEmpty() ? null : EventType.STATEMENT)
                : EventType.valueOf(typed[0]);
        String typeCue = typed[0] == null ? (type == null ? null : "no meeting, call or visit named: statements only")
                : typed[1];
        Dates.Found date = date(leadSentence, dateline, day, dayCue);
        LocalDate eventDate = date == null ? day : date.date();
        String dateReasoning = date != null ? date.reasoning()
                : day == null ? null : "no date words in the report: the day of " + dayCue;
        String reason = null;
        if (participants.isEmpty()) {
            reason = "no sentence names a meeting, call or visit of a person, and no statement has a speaker";
        } else if (statements.isEmpty()) {
            reason = "no sentence attributes a position to a participant";
        }
        Map<Drafted, List<String>> statementTopics = new LinkedHashMap<>();
        for (Drafted drafted : statements) {
            statementTopics.put(drafted, topics(drafted.start(), drafted.end()).stream().map(TopicNote::slug)
                    .toList());
        }
        return new Result(type, typeCue, eventDate, dateReasoning,
                date == null ? null : new Span(date.start(), date.end()),
                leadSentence == null ? null : new Span(leadSentence.start(), leadSentence.end()), dateline,
                location(leadSentence, type), participants, subjectCountries(participants, leadSentence, dateline),
                topics(0, text.length()), statementTopics, statements, skipped, warnings, reason);
    }

    // ---- people

    /** Finds the people of a sentence: runs of capitalised words that are, or follow, a name or a title. */
    private void findPeople(int index) {
        List<Token> tokens = words.get(index);
        // a headline's words are shortened and its capitals many: no one is proposed from it without a title
        boolean body = SENTENCE_END.matcher(folded.substring(sentences.get(index).start(),
                sentences.get(index).end())).find();
        int i = 0;
        while (i < tokens.size()) {
            if (!tokens.get(i).capitalized()) {
                i++;
                continue;
            }
            int j = i + 1;
            while (j < tokens.size() && joined(tokens.get(j - 1), tokens.get(j))
                    && (tokens.get(j).capitalized() || PARTICLES.contains(tokens.get(j).folded())
                    && j + 1 < tokens.size() && tokens.get(j + 1).capitalized()
                    && joined(tokens.get(j), tokens.get(j + 1)))) {
                j++;
            }
            candidate(tokens, i, j, body);
            i = j;
        }
    }

    /** Whether two words follow each other with nothing but spaces, a hyphen or an initial's dot between them. */
    private boolean joined(Token a, Token b) {
        boolean initial = a.text().length() == 1 && Character.isUpperCase(a.text().charAt(0))
                && !lexicon.honorifics.contains(a.folded() + "."); // "M." is Monsieur, not an initial
        for (int k = a.end(); k < b.start(); k++) {
            char c = folded.charAt(k);
            if (c != ' ' && c != '-' && c != '\n' && c != '\t' && !(c == '.' && initial && k == a.end())) {
                return false;
            }
        }
        return !text.substring(a.end(), b.start()).contains("\n");
    }

    private void candidate(List<Token> tokens, int from, int to, boolean body) {
        // leading titles, nationality words, honorifics and function words are not part of a name
        while (from < to && notName(tokens, from, to)) {
            from++;
        }
        while (to > from && (lexicon.weekdays.contains(tokens.get(to - 1).folded())
                || lexicon.months.containsKey(tokens.get(to - 1).folded())
                || lexicon.stopwords.contains(tokens.get(to - 1).folded()))) {
            to--;
        }
        // a title inside the run ("European Commission President Ursula von der Leyen"): the name follows it
        for (int k = to - 2; k >= from; k--) {
            if (lexicon.titleWords.contains(tokens.get(k).folded()) && to - k > 2) {
                from = k + 1;
                break;
            }
        }
        if (from >= to) {
            return;
        }
        List<String> foldedWords = tokens.subList(from, to).stream().map(Token::folded).toList();
        boolean honorific = honorificBefore(tokens.get(from));
        Apposition apposition = apposition(tokens, from, to);
        if (apposition == null && body && to - from >= 2 && to - from <= 4 && meets(tokens, from, to)
                && countries.find(tokens.subList(from, to)).isEmpty()) {
            // no title, but met: "a rencontré Jean Dupont", "Jean Dupont met with ..."
            apposition = new Apposition(null, null, null);
        }
        // a stored name or alias of two words or more, or a one-word alias ("OTSC")
        for (PhraseIndex.Hit<Gazetteer.Known> hit : gazetteer.names.find(foldedWords)) {
            Token first = tokens.get(from + hit.from());
            Token last = tokens.get(from + hit.to() - 1);
            Gazetteer.Known known = choose(hit.values());
            if (known == null) {
                warnings.add("'" + text.substring(first.start(), last.end()) + "' names several stored participants: "
                        + hit.values().stream().map(Gazetteer.Known::name).toList());
                continue;
            }
            // a name of several words; or one word that is a whole stored name or alias, as an acronym ("OTSC") or
            // as a run of its own ("Lula"), not a word inside a longer run of capitals
            boolean acronym = first == last && first.text().length() > 1
                    && first.text().equals(first.text().toUpperCase(Locale.ROOT));
            if (hit.to() - hit.from() < 2 && !acronym && to - from > 1) {
                continue;
            }
            Person person = person(known, first.start(), last.end(), matchedBy(known, text.substring(first.start(),
                    last.end())));
            if (apposition != null && person.title == null) {
                person.title = apposition.title();
            }
            mentions.add(new Mention(first.start(), last.end(), person));
            return;
        }
        // a surname of several words, of someone already named ("López Obrador", "van Klaveren")
        if (to - from > 1) {
            Person named = castByWords(foldedWords);
            if (named != null) {
                mentions.add(new Mention(tokens.get(from).start(), tokens.get(to - 1).end(), named));
                return;
            }
        }
        // a surname: of someone already named, or after an honorific or a title
        if (to - from == 1 || honorific) {
            Token word = tokens.get(from);
            Person known = castByWord(word.folded());
            if (known != null) {
                mentions.add(new Mention(word.start(), word.end(), known));
                return;
            }
            if (honorific || apposition != null) {
                Gazetteer.Known stored = choose(gazetteer.byWord(word.folded()));
                if (stored != null) {
                    Person person = person(stored, word.start(), word.end(), "surname '" + word.text() + "' after '"
                            + (honorific ? "an honorific" : apposition.title()) + "'");
                    mentions.add(new Mention(word.start(), word.end(), person));
                    return;
                }
            }
        }
        // someone the database does not know: a name after a title ("le ministre allemand ... Annalena Baerbock")
        if (apposition != null && (to - from >= 2 || honorific)) {
            Token first = tokens.get(from);
            Token last = tokens.get(to - 1);
            String name = text.substring(first.start(), last.end());
            Person person = castByName(name);
            if (person == null) {
                person = new Person(null, name, apposition.country(), apposition.title() == null
                        ? "proposed: a name that meets or is met, without a title" : "proposed: named after '"
                        + apposition.title() + "'", first.start(), last.end());
                person.countryCue = apposition.countryCue();
                person.title = apposition.title();
                for (String w : foldedWords) {
                    person.wordKeys.add(Fold.nameKey(w, gazetteer.transliteration));
                }
                cast.add(person);
            }
            mentions.add(new Mention(first.start(), last.end(), person));
        }
    }

    /** Whether words [from, to) follow a partner word ("avec", "with") or come right before a meeting verb. */
    private boolean meets(List<Token> tokens, int from, int to) {
        // a partner word a few words back in the same clause: "a rencontré vendredi à Moscou Abbas Araghchi"
        for (int k = from - 1; k >= 0 && from - k <= 5 && onlySpaces(tokens.get(k).end(), tokens.get(k + 1).start());
                k--) {
            if (lexicon.partners.contains(tokens.get(k).folded())) {
                return true;
            }
        }
        int after = tokens.get(to - 1).end();
        String rest = folded.substring(after, Math.min(folded.length(), after + 60)).stripLeading();
        return lexicon.meetingVerbs.stream().anyMatch(v -> rest.startsWith(v + " "));
    }

    private boolean notName(List<Token> tokens, int from, int to) {
        String word = tokens.get(from).folded();
        if (lexicon.stopwords.contains(word) || lexicon.honorifics.contains(word) || lexicon.weekdays.contains(word)
                || lexicon.titleWords.contains(word) && to - from > 2
                || lexicon.months.containsKey(word) || lexicon.connectors.stream().anyMatch(c -> c.startsWith(word))) {
            return true;
        }
        List<String> rest = tokens.subList(from, to).stream().map(Token::folded).toList();
        List<PhraseIndex.Hit<String>> titles = lexicon.titleIndex.find(rest);
        if (!titles.isEmpty() && titles.get(0).from() == 0) {
            return true;
        }
        List<PhraseIndex.Hit<CountryWords.Word>> country = countries.find(tokens.subList(from, to));
        return !country.isEmpty() && country.get(0).from() == 0 && gazetteer.names.find(rest).stream()
                .noneMatch(h -> h.from() == 0);
    }

    /** Whether an honorific ("M.", "Mr.") comes right before a word. */
    private boolean honorificBefore(Token token) {
        int k = token.start() - 1;
        while (k >= 0 && folded.charAt(k) == ' ') {
            k--;
        }
        int end = k + 1;
        while (k >= 0 && !Character.isWhitespace(folded.charAt(k))) {
            k--;
        }
        String before = folded.substring(k + 1, end);
        return !before.isEmpty() && lexicon.honorifics.contains(before);
    }

    /** A title before a name, or after it between commas, with the country its nationality word gives. */
    record Apposition(String title, String country, String countryCue) {
    }

    private Apposition apposition(List<Token> tokens, int from, int to) {
        // before the name: back to a punctuation mark or another capitalised run, at most 12 words
        int start = from;
        while (start > 0 && from - start < 12 && onlySpaces(tokens.get(start - 1).end(), tokens.get(start).start())
                && !(start < from && mentionAt(tokens.get(start - 1).start()))) {
            start--;
        }
        Apposition before = appositionIn(tokens, start, from, true);
        if (before != null) {
            return before;
        }
        // between commas after its title: "le ministre chinois des Affaires étrangères, Wang Yi, ..."
        if (start == from && from > 0 && text.substring(tokens.get(from - 1).end(), tokens.get(from).start()).strip()
                .equals(",")) {
            int titleEnd = from - 1;
            int titleStart = titleEnd;
            while (titleStart > 0 && titleEnd - titleStart < 12 && onlySpaces(tokens.get(titleStart - 1).end(),
                    tokens.get(titleStart).start()) && !mentionAt(tokens.get(titleStart - 1).start())) {
                titleStart--;
            }
            Apposition commaed = appositionIn(tokens, titleStart, titleEnd + 1, true);
            if (commaed != null) {
                return commaed;
            }
        }
        // after it: ", ministre allemande des Affaires étrangères,"
        int end = to;
        if (end < tokens.size() && text.substring(tokens.get(end - 1).end(), tokens.get(end).start()).strip()
                .equals(",")) {
            int stop = end;
            while (stop < tokens.size() && stop - end < 12 && (stop == end || onlySpaces(tokens.get(stop - 1).end(),
                    tokens.get(stop).start()))) {
                stop++;
            }
            return appositionIn(tokens, end, stop, false);
        }
        return null;
    }

    private Apposition appositionIn(List<Token> tokens, int from, int to, boolean before) {
        if (from >= to) {
            return null;
        }
        List<String> window = tokens.subList(from, to).stream().map(Token::folded).toList();
        List<PhraseIndex.Hit<String>> titles = lexicon.titleIndex.find(window);
        if (titles.isEmpty()) {
            return null;
        }
        int titleFrom = before ? titles.get(0).from() : 0;
        Token first = tokens.get(from + titleFrom);
        Token last = tokens.get(before ? to - 1 : from + titles.get(titles.size() - 1).to() - 1);
        String country = null;
        String cue = null;
        for (PhraseIndex.Hit<CountryWords.Word> hit : countries.find(tokens.subList(from, to))) {
            CountryWords.Word word = hit.values().get(0);
            if (word.kind() == CountryWords.Kind.ADJECTIVE || word.kind() == CountryWords.Kind.NAME) {
                country = word.country();
                cue = "'" + text.substring(tokens.get(from + hit.from()).start(), tokens.get(from + hit.to() - 1)
                        .end()) + "' " + (before ? "before" : "after") + " the name";
            }
        }
        return new Apposition(text.substring(first.start(), last.end()), country, cue);
    }

    /**
     * Whether nothing but spaces, hyphens, elided words ("d'") and abbreviations' dots ("U.S.": within one sentence a
     * dot ends no sentence) lies between two words: no punctuation.
     */
    private boolean onlySpaces(int from, int to) {
        for (int k = from; k < to; k++) {
            char c = folded.charAt(k);
            if (",;:!?()[]\"/|".indexOf(c) >= 0 || c == '\n') {
                return false;
            }
        }
        return true;
    }

    private boolean mentionAt(int offset) {
        for (Mention mention : mentions) {
            if (mention.start() <= offset && offset < mention.end()) {
                return true;
            }
        }
        return false;
    }

    /** The one stored participant a name gives: the only one, or the only one already named in this report. */
    private Gazetteer.Known choose(List<Gazetteer.Known> values) {
        if (values.size() == 1) {
            return values.get(0);
        }
        List<Gazetteer.Known> named = values.stream().filter(k -> cast.stream().anyMatch(p -> p.known == k)).toList();
        return named.size() == 1 ? named.get(0) : null;
    }

    private Person person(Gazetteer.Known known, int start, int end, String matchedBy) {
        for (Person person : cast) {
            if (person.known == known) {
                return person;
            }
        }
        Person person = new Person(known, known.name(), known.country(), matchedBy, start, end);
        person.countryCue = known.country() == null ? null : "stored participant";
        List<String> forms = new ArrayList<>(known.aliases());
        forms.add(known.name());
        forms.forEach(form -> Gazetteer.words(form).forEach(w -> person.wordKeys.add(
                Fold.nameKey(w, gazetteer.transliteration))));
        cast.add(person);
        return person;
    }

    private String matchedBy(Gazetteer.Known known, String written) {
        if (Fold.phrase(written).equals(Fold.phrase(known.name()))) {
            return "name '" + written + "'";
        }
        for (String alias : known.aliases()) {
            if (Fold.phrase(written).equals(Fold.phrase(alias))) {
                return "alias '" + alias + "'";
            }
        }
        return "'" + written + "', a spelling of '" + known.name() + "'";
    }

    private Person castByWord(String word) {
        String key = Fold.nameKey(word, gazetteer.transliteration);
        List<Person> found = cast.stream().filter(p -> p.wordKeys.contains(key)).toList();
        return found.size() == 1 ? found.get(0) : null;
    }

    /** The one person of the report whose names have all these words. */
    private Person castByWords(List<String> foldedWords) {
        List<String> keys = foldedWords.stream().map(w -> Fold.nameKey(w, gazetteer.transliteration)).toList();
        List<Person> found = cast.stream().filter(p -> p.wordKeys.containsAll(keys)).toList();
        return found.size() == 1 ? found.get(0) : null;
    }

    private Person castByName(String name) {
        String key = Fold.phrase(name);
        return cast.stream().filter(p -> Fold.phrase(p.name).equals(key)).findFirst().orElse(null);
    }

    private List<Mention> mentionsIn(int start, int end) {
        return mentions.stream().filter(m -> m.start() >= start && m.end() <= end)
                .sorted(Comparator.comparingInt(Mention::start)).toList();
    }

    // ---- the event

    /** The first sentence that reports a meeting, call or visit of a person: its lead. */
    private int leadSentence() {
        // a sentence of the body first: a headline has no final punctuation, and its names are often shortened
        for (boolean body : new boolean[] {true, false}) {
            int lead = leadSentence(body);
            if (lead >= 0) {
                return lead;
            }
        }
        return -1;
    }

    private int leadSentence(boolean body) {
        for (int i = 0; i < sentences.size(); i++) {
            Sentence s = sentences.get(i);
            if (body && !SENTENCE_END.matcher(folded.substring(s.start(), s.end())).find()) {
                continue;
            }
            if (mentionsIn(s.start(), s.end()).stream().anyMatch(m -> !m.person().organization())
                    && (contains(s, lexicon.meetingVerbPattern) || lexicon.typeCues.stream()
                    .anyMatch(cues -> contains(s, cues)))) {
                return i;
            }
        }
        return -1;
    }

    private boolean contains(Sentence s, Pattern phrases) {
        return phrases.matcher(folded).region(s.start(), s.end()).find();
    }

    /** The event's type and its cue: the first type whose words the lead sentence, then the headline, holds. */
    private String[] type(Sentence lead, String title) {
        if (lead != null) {
            for (int i = 0; i < lexicon.eventTypes.size(); i++) {
                Matcher m = lexicon.typeCues.get(i).matcher(folded).region(lead.start(), lead.end());
                if (m.find()) {
                    return new String[] {lexicon.eventTypes.get(i).type().name(), "'" + text.substring(m.start(),
                            m.end()) + "' in the lead sentence"};
                }
            }
        }
        if (title != null) {
            String foldedTitle = Fold.fold(title);
            for (int i = 0; i < lexicon.eventTypes.size(); i++) {
                Matcher m = lexicon.typeCues.get(i).matcher(foldedTitle);
                if (m.find()) {
                    return new String[] {lexicon.eventTypes.get(i).type().name(), "'" + title.substring(m.start(),
                            m.end()) + "' in the headline"};
                }
            }
        }
        if (lead != null) {
            return new String[] {EventType.MEETING.name(), "a meeting verb in the lead sentence, no more precise cue"};
        }
        return new String[] {null, null};
    }

    private Dates.Found date(Sentence lead, Span dateline, LocalDate day, String dayCue) {
        if (lead != null) {
            int from = dateline != null && dateline.end() > lead.start() ? dateline.end() : lead.start();
            Dates.Found found = Dates.first(text, folded, from, lead.end(), lexicon, day, dayCue);
            if (found != null) {
                return found;
            }
        }
        int from = dateline != null ? dateline.end() : lead != null ? lead.start() : 0;
        for (Sentence s : sentences) {
            if (s.end() <= from) {
                continue;
            }
            Dates.Found found = Dates.first(text, folded, Math.max(from, s.start()), s.end(), lexicon, day, dayCue);
            if (found != null) {
                return found;
            }
        }
        return null;
    }


    /** Where a meeting or visit took place: a capital named in the lead sentence. */
    private Location location(Sentence lead, EventType type) {
        if (lead == null || type == EventType.PHONE_CALL || type == EventType.VIDEO_CALL) {
            return null;
        }
        List<Token> tokens = tokensOf(lead);
        for (PhraseIndex.Hit<CountryWords.Word> hit : countries.find(tokens)) {
            CountryWords.Word word = hit.values().get(0);
            if (word.kind() == CountryWords.Kind.CAPITAL && tokens.get(hit.from()).capitalized()) {
                return new Location(word.country(), text.substring(tokens.get(hit.from()).start(),
                        tokens.get(hit.to() - 1).end()));
            }
        }
        return null;
    }

    private List<Token> tokensOf(Sentence sentence) {
        return words.get(sentences.indexOf(sentence));
    }

    /** Countries named in the report that no participant belongs to: twice or more, or in the lead sentence. */
    private List<CountryNote> subjectCountries(List<Person> participants, Sentence lead, Span dateline) {
        Set<String> theirs = new LinkedHashSet<>();
        participants.forEach(p -> theirs.add(p.country));
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, Set<String>> cues = new HashMap<>();
        Set<String> inLead = new LinkedHashSet<>();
        for (int i = 0; i < sentences.size(); i++) {
            List<Token> tokens = words.get(i);
            for (PhraseIndex.Hit<CountryWords.Word> hit : countries.find(tokens)) {
                Token first = tokens.get(hit.from());
                Token last = tokens.get(hit.to() - 1);
                if (dateline != null && first.start() < dateline.end() && last.end() > dateline.start()) {
                    continue;
                }
                CountryWords.Word word = hit.values().get(0);
                if (hit.values().stream().anyMatch(w -> theirs.contains(w.country()))) {
                    continue; // a word that may name a participant's country names it ("congolaise" of a Congolese)
                }
                boolean prefix = word.kind() == CountryWords.Kind.PREFIX;
                if (word.kind() == CountryWords.Kind.CAPITAL
                        || prefix && (last.end() >= text.length() || folded.charAt(last.end()) != '-')
                        || mentionAt(first.start())) {
                    continue;
                }
                counts.merge(word.country(), 1, Integer::sum);
                cues.computeIfAbsent(word.country(), k -> new LinkedHashSet<>())
                        .add(text.substring(first.start(), last.end()));
                if (lead != null && first.start() >= lead.start() && last.end() <= lead.end()) {
                    inLead.add(word.country());
                }
            }
        }
        List<CountryNote> out = new ArrayList<>();
        counts.forEach((country, n) -> {
            if (!theirs.contains(country) && (n >= 2 || inLead.contains(country))) {
                out.add(new CountryNote(country, n, List.copyOf(cues.get(country))));
            }
        });
        return out;
    }

    /** Stored topics named in [start, end) of the text. */
    private List<TopicNote> topics(int start, int end) {
        Map<String, TopicNote> found = new LinkedHashMap<>();
        for (int i = 0; i < sentences.size(); i++) {
            Sentence s = sentences.get(i);
            if (s.end() <= start || s.start() >= end) {
                continue;
            }
            List<Token> all = words.get(i);
            int from = 0;
            while (from < all.size() && all.get(from).start() < start) {
                from++;
            }
            int to = from;
            while (to < all.size() && all.get(to).end() <= end) {
                to++;
            }
            List<Token> tokens = all.subList(from, to);
            for (PhraseIndex.Hit<Gazetteer.KnownTopic> hit : gazetteer.topicPhrases.findKeys(topicKeys(i)
                    .subList(from, to))) {
                String cue = text.substring(tokens.get(hit.from()).start(), tokens.get(hit.to() - 1).end());
                for (Gazetteer.KnownTopic topic : hit.values()) {
                    found.merge(topic.slug(), new TopicNote(topic.slug(), cue, 1),
                            (a, b) -> new TopicNote(a.slug(), a.cue(), a.mentions() + 1));
                }
            }
        }
        return List.copyOf(found.values());
    }

    /** The topic keys of each sentence's words, computed once. */
    private final Map<Integer, List<String>> topicKeys = new HashMap<>();

    private List<String> topicKeys(int sentence) {
        return topicKeys.computeIfAbsent(sentence, i -> gazetteer.topicPhrases.keys(words.get(i).stream()
                .map(Token::folded).toList()));
    }

    // ---- statements

    /** The statements of a sentence, or none and why. */
    record Attribution(List<Drafted> statements, String reason) {
    }

    private Attribution attribute(Sentence sentence, List<Person> participants, Person last) {
        String s = folded.substring(sentence.start(), sentence.end());
        if (!SENTENCE_END.matcher(s).find()) {
            return new Attribution(List.of(), "not a sentence of the report: no final punctuation");
        }
        String reason = "no reporting verb or attribution cue";
        for (Lexicon.Rule rule : lexicon.rules) {
            Matcher m = rule.pattern().matcher(s);
            if (!m.find()) {
                continue;
            }
            int base = sentence.start();
            Speaker speaker;
            int verbStart = base + start(m, "verb", m.start());
            int verbEnd = base + end(m, "verb", m.end());
            if (has(m, "speaker")) {
                speaker = speaker(base + m.start("speaker"), base + m.end("speaker"), participants, last, true);
            } else if (has(m, "pre")) {
                speaker = speakerBefore(base + m.start("pre"), base + m.end("pre"), participants, last);
            } else if (has(m, "implicit")) {
                // a verb said without its subject (Spanish ", añadió."): the last speaker's
                String verb = text.substring(base + m.start("implicit"), base + m.end("implicit")).strip();
                speaker = last == null ? new Speaker(null, "'" + verb + "' without a subject, and no one named before", 0)
                        : new Speaker(last, "'" + verb + "' without a subject: the last speaker, " + last.name, 0.95);
            } else {
                continue;
            }
            if (speaker.person() == null) {
                reason = speaker.why();
                continue;
            }
            List<Drafted> out = new ArrayList<>();
            int contentStart = rule.wholeSentence() ? sentence.start() : base + m.start("content");
            int contentEnd = rule.wholeSentence() ? sentence.end() : base + m.end("content");
            Matcher split = lexicon.split.matcher(folded).region(contentStart, contentEnd);
            Drafted inner = null;
            if (split.find()) {
                inner = statement(speaker, split.end(), contentEnd, rule.id() + "+split", split.start("verb"),
                        split.end("verb"), rule.confidence());
                if (inner != null) {
                    contentEnd = split.start();
                }
            }
            Drafted first = statement(speaker, contentStart, contentEnd, rule.id(), verbStart, verbEnd,
                    rule.confidence());
            if (first == null) {
                reason = "rule " + rule.id() + " left no words to attribute";
                continue;
            }
            out.add(first);
            if (inner != null) {
                out.add(inner);
            }
            if (has(m, "tail")) {
                Matcher more = lexicon.continuation.matcher(folded).region(base + m.start("tail"), sentence.end());
                if (more.lookingAt()) {
                    Drafted second = statement(speaker, more.start("content"), more.end("content"),
                            rule.id() + "+continuation", more.start("verb"), more.end("verb"), rule.confidence());
                    if (second != null) {
                        out.add(second);
                    }
                }
            }
            return new Attribution(out, null);
        }
        return new Attribution(List.of(), reason);
    }

    private Drafted statement(Speaker speaker, int start, int end, String rule, int cueStart, int cueEnd,
            double confidence) {
        // trim spaces and the commas or colons left at the edges
        while (start < end && (Character.isWhitespace(text.charAt(start)) || ",;:".indexOf(text.charAt(start)) >= 0)) {
            start++;
        }
        while (end > start && (Character.isWhitespace(text.charAt(end - 1)) || ",;:".indexOf(text.charAt(end - 1))
                >= 0)) {
            end--;
        }
        // a quotation cut before its closing mark by the rule ("“Order is restored,” Lavrov added"): take the mark
        int after = end;
        if (after < text.length() && folded.charAt(after) == ',') {
            after++;
        }
        if (folded.charAt(start) == '"' && after < text.length() && folded.charAt(after) == '"') {
            end = after + 1;
        }
        StatementKind kind = StatementKind.REPORTED;
        // a quotation as a whole: the words inside the marks
        int closing = end - 1;
        while (closing > start && ".,!?".indexOf(text.charAt(closing)) >= 0 && folded.charAt(closing) != '"') {
            closing--;
        }
        if (end - start > 2 && folded.charAt(start) == '"' && folded.charAt(closing) == '"' && closing > start
                && folded.indexOf('"', start + 1) == closing) {
            start++;
            end = closing;
            while (start < end && Character.isWhitespace(text.charAt(start))) {
                start++;
            }
            while (end > start && (Character.isWhitespace(text.charAt(end - 1)) || text.charAt(end - 1) == ',')) {
                end--;
            }
            kind = StatementKind.DIRECT_QUOTE;
        }
        if (text.substring(start, end).strip().split("\\s+").length < 3) {
            return null; // "On Monday" before "Wang said ...": no position in fewer than three words
        }
        return new Drafted(speaker.person(), start, end, kind, rule, cueStart, cueEnd, speaker.why(),
                Math.round(confidence * speaker.confidence() * 100) / 100.0);
    }

    /** Who a phrase names, and how it was found; or no one, and why. */
    record Speaker(Person person, String why, double confidence) {
    }

    /** The speaker of a forward rule: named in the clause before the verb (or, past an insert, at its start). */
    private Speaker speakerBefore(int start, int end, List<Person> participants, Person last) {
        int clause = start;
        for (int k = end - 1; k >= start; k--) {
            if (",;:".indexOf(folded.charAt(k)) >= 0 && !insideQuote(start, k)) {
                clause = k + 1;
                break;
            }
        }
        Speaker near = speaker(clause, end, participants, last, false);
        if (near.person() != null || clause == start) {
            return near;
        }
        // "le porte-parole du Quai d'Orsay, Christophe Lemoine, a reconnu": the name between the last two commas
        int lastComma = clause - 1;
        int previousComma = lastComma > start ? folded.lastIndexOf(',', lastComma - 1) : -1;
        if (folded.substring(clause, end).isBlank() && previousComma >= start) {
            List<Mention> between = mentionsIn(previousComma + 1, lastComma);
            if (!between.isEmpty() && folded.substring(between.get(between.size() - 1).end(), lastComma).isBlank()) {
                Mention named = between.get(between.size() - 1);
                return new Speaker(named.person(), "named: '" + text.substring(named.start(), named.end())
                        + "', set off by commas before the verb", 0.9);
            }
        }
        // "Lavrov, who arrived on Sunday, said": the clause before the verb is an insert ("who", "qui", "the" ...), the
        // subject starts the text; a verb right after a lone comma is an inversion ("..., a annoncé le ministère")
        // a connector first ("De son côté, le chef de la diplomatie congolaise, qui ..., a fait valoir") is no clause
        for (String connector : lexicon.connectors) {
            if (folded.startsWith(connector + ",", start)) {
                start += connector.length() + 1;
                break;
            }
        }
        int firstComma = folded.indexOf(',', start);
        String insert = firstComma < 0 || firstComma >= clause - 1 ? "" : folded.substring(firstComma + 1, end).strip();
        if (folded.substring(start, end).strip().endsWith(",")
                && (lexicon.inserts.stream().anyMatch(w -> insert.startsWith(w + " "))
                || lexicon.connectors.stream().anyMatch(c -> insert.startsWith(c + ",") || insert.equals(c)))) {
            Speaker head = speaker(start, firstComma, participants, last, true);
            if (head.person() != null) {
                return new Speaker(head.person(), head.why() + ", before an insert", head.confidence() * 0.9);
            }
        }
        return near;
    }

    private boolean insideQuote(int start, int at) {
        int marks = 0;
        for (int k = start; k < at; k++) {
            if (folded.charAt(k) == '"') {
                marks++;
            }
        }
        return marks % 2 == 1;
    }

    private Speaker speaker(int start, int end, List<Person> participants, Person last, boolean firstMention) {
        String phrase = folded.substring(start, end).strip();
        for (String connector : lexicon.connectors) {
            if (phrase.startsWith(connector)) {
                phrase = phrase.substring(connector.length()).replaceFirst("^[\\s,]+", "");
            }
        }
        if (phrase.isEmpty()) {
            return new Speaker(null, "no speaker before the verb", 0);
        }
        for (String narration : lexicon.narration) {
            if (phrase.equals(narration) || phrase.startsWith(narration + " ")) {
                return new Speaker(null, "narration: '" + narration + "' is not one participant", 0);
            }
        }
        List<Mention> named = mentionsIn(start, end);
        if (named.stream().map(Mention::person).distinct().count() > 1 && !firstMention) {
            // "Lavrov and Wang reaffirmed": said by both, which is narration of the event, not one speaker's position
            Mention a = named.get(named.size() - 2);
            Mention b = named.get(named.size() - 1);
            String between = folded.substring(a.end(), b.start()).strip();
            if (a.person() != b.person() && lexicon.conjunctions.stream()
                    .anyMatch(c -> between.equals(c) || between.startsWith(c + " "))) {
                return new Speaker(null, "narration: '" + text.substring(a.start(), b.end()) + "' together", 0);
            }
        }
        if (!named.isEmpty()) {
            Mention mention = firstMention ? named.get(0) : named.get(named.size() - 1);
            return new Speaker(mention.person(), "named: '" + text.substring(mention.start(), mention.end()) + "'",
                    1.0);
        }
        for (String pronoun : lexicon.pronouns) {
            if (phrase.equals(pronoun) || phrase.endsWith(" " + pronoun)) {
                if (last == null) {
                    return new Speaker(null, "pronoun '" + pronoun + "' with no one named before", 0);
                }
                return new Speaker(last, "pronoun '" + pronoun + "': the last speaker, " + last.name, 0.95);
            }
        }
        List<String> phraseWords = lexicon.words(phrase);
        List<PhraseIndex.Hit<String>> heads = lexicon.descriptionIndex.find(phraseWords);
        if (!heads.isEmpty() && lexicon.indefinites.contains(phraseWords.get(0))) {
            return new Speaker(null, "'" + abbreviate(phrase) + "' is someone unnamed, not a participant", 0);
        }
        if (!heads.isEmpty()) {
            String head = heads.get(0).values().get(0);
            String country = null;
            for (PhraseIndex.Hit<CountryWords.Word> hit : countries.findFolded(phraseWords)) {
                CountryWords.Kind kind = hit.values().get(0).kind();
                if (kind == CountryWords.Kind.ADJECTIVE || kind == CountryWords.Kind.NAME) {
                    country = hit.values().get(0).country();
                }
            }
            if (country != null) {
                // an adjective may name several countries ("congolaise": CD or CG): the participants of any of them
                Set<String> codes = new LinkedHashSet<>();
                countries.findFolded(phraseWords).forEach(hit -> hit.values().stream()
                        .filter(w -> w.kind() == CountryWords.Kind.ADJECTIVE || w.kind() == CountryWords.Kind.NAME)
                        .forEach(w -> codes.add(w.country())));
                List<Person> of = participants.stream().filter(p -> codes.contains(p.country)).toList();
                if (of.size() == 1) {
                    return new Speaker(of.get(0), "description '" + phrase + "': the participant from "
                            + of.get(0).country, 0.9);
                }
                List<Person> unknown = participants.stream().filter(p -> p.country == null).toList();
                if (of.isEmpty() && unknown.size() == 1 && codes.size() == 1) {
                    // the one participant whose country the report had not said yet: now it has
                    Person person = unknown.get(0);
                    person.country = codes.iterator().next();
                    person.countryCue = "'" + text.substring(start, end).strip() + "', a description of them";
                    return new Speaker(person, "description '" + phrase + "': the participant whose country was"
                            + " not yet known", 0.8);
                }
                return new Speaker(null, "description '" + phrase + "' fits " + of.size() + " participants from "
                        + String.join(" or ", codes), 0);
            }
            if (lexicon.counterparts.contains(head) && last != null) {
                List<Person> others = participants.stream().filter(p -> p != last).toList();
                if (others.size() == 1) {
                    return new Speaker(others.get(0), "'" + phrase + "': the other participant", 0.85);
                }
            }
            return new Speaker(null, "description '" + phrase + "' names no one participant", 0);
        }
        return new Speaker(null, "'" + abbreviate(phrase) + "' is not a participant", 0);
    }

    private static String abbreviate(String phrase) {
        return phrase.length() <= 60 ? phrase : phrase.substring(0, 57) + "...";
    }

    private static boolean has(Matcher m, String group) {
        try {
            return m.start(group) >= 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int start(Matcher m, String group, int otherwise) {
        return has(m, group) ? m.start(group) : otherwise;
    }

    private static int end(Matcher m, String group, int otherwise) {
        return has(m, group) ? m.end(group) : otherwise;
    }
}
