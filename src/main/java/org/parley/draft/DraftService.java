package org.parley.draft;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.parley.bulk.ImportDocument;
import org.parley.draft.DraftNotes.Duplicate;
import org.parley.draft.DraftNotes.ParticipantNote;
import org.parley.draft.DraftNotes.StatementNote;
import org.parley.event.Event;
import org.parley.event.EventParticipant;
import org.parley.event.EventSource;
import org.parley.event.EventType;
import org.parley.event.Location;
import org.parley.event.Source;
import org.parley.participant.Participant;
import org.parley.participant.ParticipantKind;
import org.parley.participant.ParticipantRequest;
import org.parley.problem.ProblemException;
import org.parley.problem.Violation;
import org.parley.statement.Span;
import org.parley.store.DataGeneration;
import org.parley.topic.Topic;
import org.parley.topic.TopicRef;
import org.parley.value.CountryCodes;
import org.parley.value.Sha256;

/**
 * Turns a report into a draft: the drafter's event, participants and statements in the shape of an import document,
 * named by the keys the import reads, with the drafter's notes and the stored events it may duplicate. Writes nothing.
 */
@ApplicationScoped
public class DraftService {

    /** Two reports of one meeting or call are dated at most this many days apart. */
    private static final int DUPLICATE_DAYS = 2;

    private final EntityManager entityManager;
    private final DataGeneration generation;
    private final Languages languages = new Languages();
    private volatile Cached cached;

    /** The gazetteer of one data generation. */
    private record Cached(long generation, Gazetteer gazetteer) {
    }

    public DraftService(EntityManager entityManager, DataGeneration generation) {
        this.entityManager = entityManager;
        this.generation = generation;
    }

    @Transactional
    public ImportDocument draft(DraftRequest request) {
        List<Violation> violations = new ArrayList<>();
        OffsetDateTime publishedAt = null;
        LocalDate day = null;
        String dayCue = null;
        if (request.publishedAt() != null) {
            try {
                publishedAt = OffsetDateTime.parse(request.publishedAt());
                day = publishedAt.toLocalDate();
                dayCue = "a report of " + Dates.name(day.getDayOfWeek()) + " " + day + " (" + publishedAt.getOffset()
                        + ")";
            } catch (DateTimeParseException e) {
                try {
                    day = LocalDate.parse(request.publishedAt());
                    dayCue = "a report of " + Dates.name(day.getDayOfWeek()) + " " + day;
                } catch (DateTimeParseException e2) {
                    violations.add(Violation.body("publishedAt", "must be a date-time with the publisher's offset,"
                            + " such as 2022-01-12T08:55:00+08:00, or a date, such as 2022-01-12"));
                }
            }
        }
        String text = request.text();
        String language;
        String languageCue;
        if (request.language() != null) {
            language = request.language().toLowerCase(Locale.ROOT).split("[-_]")[0];
            languageCue = "given";
            if (languages.get(language) == null) {
                violations.add(Violation.body("language", "Parley drafts reports in " + String.join(", ",
                        languages.tags()) + ", not '" + request.language() + "'"));
            }
        } else {
            Languages.Detected detected = languages.detect(text);
            language = detected.language();
            languageCue = detected.cue();
            if (language == null) {
                violations.add(Violation.body("language", "cannot tell the language of the text (" + detected.cue()
                        + "): give one of " + String.join(", ", languages.tags())));
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        Languages.Language lang = languages.get(language);
        Gazetteer gazetteer = gazetteer();
        Drafter.Result result = Drafter.draft(lang.lexicon(), lang.countries(), gazetteer,
                new Drafter.Report(text, request.title(), day, dayCue));
        if (result.date() == null && !result.participants().isEmpty()) {
            throw ProblemException.invalid(Violation.body("publishedAt", "the report dates the event only by its"
                    + " publication ('" + (result.dateSpan() == null ? "no date words" : text.substring(
                    result.dateSpan().start(), result.dateSpan().end())) + "'): give publishedAt"));
        }
        return new Assembly(request, text, language, languageCue, publishedAt, result, gazetteer).document();
    }

    /** The stored participants and topics, read again only when the data has changed. */
    private Gazetteer gazetteer() {
        long now = generation.current();
        Cached current = cached;
        if (current != null && current.generation() == now) {
            return current.gazetteer();
        }
        List<Gazetteer.Known> participants = new ArrayList<>();
        for (Participant p : entityManager.createQuery("select distinct p from Participant p left join fetch p.aliases",
                Participant.class).getResultList()) {
            participants.add(new Gazetteer.Known(p.id, p.externalId, p.wikidataId, p.name,
                    p.kind == ParticipantKind.ORGANIZATION, p.country, p.title, List.copyOf(p.aliases)));
        }
        List<Gazetteer.KnownTopic> topics = new ArrayList<>();
        for (Topic t : entityManager.createQuery("select distinct t from Topic t left join fetch t.aliases",
                Topic.class).getResultList()) {
            topics.add(new Gazetteer.KnownTopic(t.id, t.slug, t.name, List.copyOf(t.aliases)));
        }
        Gazetteer gazetteer = new Gazetteer(participants, topics, languages.transliteration);
        cached = new Cached(now, gazetteer);
        return gazetteer;
    }

    /** The draft of one report, as an import document. */
    private final class Assembly {

        private final DraftRequest request;
        private final String text;
        private final String language;
        private final String languageCue;
        private final OffsetDateTime publishedAt;
        private final Drafter.Result result;
        private final List<String> warnings = new ArrayList<>();
        private final Map<Drafter.Person, String> keys = new LinkedHashMap<>();
        private final Gazetteer gazetteer;
        /** SHA-256 of the text the spans refer to: in the notes, the source and the event's key. */
        private final String textSha256;

        Assembly(DraftRequest request, String text, String language, String languageCue, OffsetDateTime publishedAt,
                Drafter.Result result, Gazetteer gazetteer) {
            this.gazetteer = gazetteer;
            this.textSha256 = Sha256.hex(text);
            this.request = request;
            this.text = text;
            this.language = language;
            this.languageCue = languageCue;
            this.publishedAt = publishedAt;
            this.result = result;
            warnings.addAll(result.warnings());
        }

        ImportDocument document() {
            List<ParticipantRequest> proposed = new ArrayList<>();
            for (Drafter.Person person : result.participants()) {
                keys.put(person, key(person));
                if (person.known == null) {
                    proposed.add(new ParticipantRequest(person.name, ParticipantKind.PERSON, person.country,
                            person.title, null, null, List.of(), keys.get(person), null));
                }
            }
            List<ImportDocument.Event> events = new ArrayList<>();
            List<ImportDocument.Statement> statements = new ArrayList<>();
            List<Duplicate> duplicates = List.of();
            DraftNotes.EventNote eventNote = null;
            if (result.type() != null && !result.participants().isEmpty()) {
                Event stored = request.mergeInto() == null ? null : stored(request.mergeInto());
                ImportDocument.Event event = stored == null ? newEvent() : merged(stored);
                events.add(event);
                int position = stored == null ? 0 : stored.id == null ? 0 : lastPosition(stored);
                for (Drafter.Drafted drafted : result.statements()) {
                    position++;
                    statements.add(new ImportDocument.Statement(event.externalId(), position, keys.get(
                            drafted.speaker()), text.substring(drafted.start(), drafted.end()), language, null,
                            drafted.kind(), refs(result.statementTopics().get(drafted)), request.url(),
                            new Span(drafted.start(), drafted.end())));
                }
                if (stored == null) {
                    duplicates = duplicates(event.date());
                }
                eventNote = new DraftNotes.EventNote(result.type(), result.typeCue(), result.date(),
                        result.dateReasoning(), result.dateSpan(), result.lead(), result.dateline());
            }
            List<StatementNote> statementNotes = new ArrayList<>();
            for (int i = 0; i < result.statements().size(); i++) {
                Drafter.Drafted d = result.statements().get(i);
                statementNotes.add(new StatementNote(statements.isEmpty() ? i + 1 : statements.get(i).position(),
                        d.rule(), text.substring(d.cueStart(), d.cueEnd()),
                        new Span(d.cueStart(), d.cueEnd()), d.speakerCue(), d.confidence()));
            }
            List<ParticipantNote> participantNotes = result.participants().stream().map(p -> new ParticipantNote(
                    keys.get(p), p.name, p.known == null ? null : p.known.id(), p.matchedBy,
                    new Span(p.start, p.end), p.country, p.countryCue, role(p), p.inLead, p.speaks)).toList();
            DraftNotes notes = new DraftNotes(language, languageCue, textSha256, text.length(), result.reason(), eventNote,
                    participantNotes, result.subjectCountries(), result.topics(), statementNotes, result.skipped(),
                    duplicates, warnings);
            return new ImportDocument(proposed, List.of(), events, statements, notes);
        }

        private ImportDocument.Event newEvent() {
            List<ImportDocument.Role> roles = result.participants().stream()
                    .map(p -> new ImportDocument.Role(keys.get(p), role(p))).toList();
            List<String> subjects = result.subjectCountries().stream().map(DraftNotes.CountryNote::country).toList();
            String summary = result.lead() == null ? null : text.substring(result.lead().start(), result.lead().end())
                    .replaceAll("\\s+", " ");
            return new ImportDocument.Event(eventKey(), title(subjects), result.type(), result.date(), summary,
                    result.location(), roles, subjects, refs(result.topics().stream().map(DraftNotes.TopicNote::slug)
                    .toList()), source() == null ? List.of() : List.of(source()), null, null, null, null, null, null,
                    null);
        }

        /** The stored event with this report's participants, countries, topics and source added. */
        private ImportDocument.Event merged(Event stored) {
            List<ImportDocument.Role> roles = new ArrayList<>();
            Set<String> present = new LinkedHashSet<>();
            for (EventParticipant ep : stored.participants) {
                String key = ep.participant.externalId != null ? ep.participant.externalId : ep.participant.wikidataId;
                if (key == null) {
                    throw ProblemException.conflict("event '" + stored.externalId + "' has participant "
                            + ep.participant.id + " (" + ep.participant.name + ") without an externalId or a"
                            + " wikidataId, which an import names participants by: give it one before merging");
                }
                present.add(key);
                roles.add(new ImportDocument.Role(key, ep.role));
            }
            for (Drafter.Person person : result.participants()) {
                if (present.add(keys.get(person))) {
                    roles.add(new ImportDocument.Role(keys.get(person), role(person)));
                }
            }
            Set<String> subjects = new LinkedHashSet<>(stored.subjectCountries);
            result.subjectCountries().forEach(c -> subjects.add(c.country()));
            Set<String> participantCountries = new LinkedHashSet<>();
            result.participants().forEach(p -> participantCountries.add(p.country));
            stored.participants.forEach(p -> participantCountries.add(p.participant.country));
            subjects.removeAll(participantCountries);
            Set<String> topics = new LinkedHashSet<>();
            stored.topics.forEach(t -> topics.add(t.slug));
            result.topics().forEach(t -> topics.add(t.slug()));
            List<Source> sources = new ArrayList<>();
            for (EventSource s : stored.sources) {
                sources.add(new Source(s.url, s.publisher, s.title, s.publishedAt(), s.language, s.textSha256, null));
            }
            Source source = source();
            if (source != null && (source.url() == null || !stored.hasSource(source.url()))) {
                sources.add(source);
            }
            if (!stored.eventDate.equals(result.date())) {
                warnings.add("this report dates the event " + result.date() + ", the stored event is of "
                        + stored.eventDate + ": kept " + stored.eventDate);
            }
            Location location = stored.location == null || stored.location.country == null
                    && stored.location.city == null ? null : new Location(stored.location.country,
                    stored.location.city);
            return new ImportDocument.Event(stored.externalId, stored.title, stored.type, stored.eventDate,
                    stored.summary, location, roles, List.copyOf(subjects), refs(List.copyOf(topics)), sources,
                    stored.cameoCode, stored.status, stored.endDate, stored.datePrecision, stored.ploverType,
                    stored.ploverMode, stored.goldstein);
        }

        private Event stored(String externalId) {
            List<Event> found = entityManager.createQuery("select e from Event e where e.externalId = :key",
                    Event.class).setParameter("key", externalId).getResultList();
            if (found.isEmpty()) {
                throw ProblemException.invalid(Violation.body("mergeInto", "no event has the externalId '"
                        + externalId + "'"));
            }
            return found.get(0);
        }

        private int lastPosition(Event stored) {
            Integer last = entityManager.createQuery("select max(s.position) from Statement s where s.event = :e",
                    Integer.class).setParameter("e", stored).getSingleResult();
            return last == null ? 0 : last;
        }

        /** Stored events with at least two (or all) of the matched participants, within two days of the date. */
        private List<Duplicate> duplicates(LocalDate date) {
            Map<Long, Drafter.Person> matched = new LinkedHashMap<>();
            result.participants().stream().filter(p -> p.known != null).forEach(p -> matched.put(p.known.id(), p));
            if (matched.isEmpty()) {
                return List.of();
            }
            int needed = Math.min(2, matched.size());
            List<Duplicate> out = new ArrayList<>();
            List<Event> candidates = entityManager.createQuery("select distinct e from Event e join e.participants ep"
                    + " where ep.participant.id in :ids and e.eventDate between :from and :to order by e.eventDate",
                    Event.class).setParameter("ids", matched.keySet())
                    .setParameter("from", date.minusDays(DUPLICATE_DAYS)).setParameter("to", date.plusDays(DUPLICATE_DAYS))
                    .getResultList();
            for (Event event : candidates) {
                List<String> shared = event.participants.stream().map(ep -> ep.participant.id)
                        .filter(matched::containsKey).map(id -> matched.get(id).name).toList();
                if (shared.size() >= needed) {
                    long apart = Math.abs(event.eventDate.toEpochDay() - date.toEpochDay());
                    out.add(new Duplicate(event.id, event.externalId, event.title, event.eventDate, "same participants ("
                            + String.join(", ", shared) + "), " + apart + (apart == 1 ? " day" : " days") + " apart"
                            + (event.externalId == null ? "; it has no externalId to merge into: give it one" : "")));
                }
            }
            return out;
        }

        private Source source() {
            String publisher = request.publisher();
            if (publisher == null || publisher.isBlank()) {
                warnings.add("no publisher given: the draft has no source (an event source needs its publisher)");
                return null;
            }
            return new Source(request.url(), publisher, request.title(), publishedAt, language, textSha256, null);
        }

        private String key(Drafter.Person person) {
            if (person.known != null) {
                String key = person.known.key();
                if (key == null) {
                    warnings.add("participant " + person.known.id() + " (" + person.name + ") has no externalId or"
                            + " wikidataId, which an import names participants by: give it one, then draft again");
                    return "participant-" + person.known.id();
                }
                return key;
            }
            // a new person's key from the name, unless a stored participant (of another name) has it already
            String key = slug(person.name);
            for (int n = 2; gazetteer.externalIds.contains(key); n++) {
                key = slug(person.name) + "-" + n;
            }
            return key;
        }

        private String role(Drafter.Person person) {
            String title = person.known != null && person.known.title() != null ? person.known.title() : person.title;
            if (title == null) {
                return null;
            }
            if (person.known != null && person.country != null) {
                return title + " of " + CountryCodes.get(person.country).name();
            }
            return title;
        }

        private String eventKey() {
            String publisher = request.publisher() == null ? "draft" : request.publisher();
            String names = result.participants().stream().filter(p -> p.inLead || p.speaks).limit(4)
                    .map(p -> p.name).collect(Collectors.joining(" "));
            // the report's own mark at the end: the same report drafted again gives the same key (its import is then
            // an update), another report of the same call another (its import a second event, unless merged)
            String mark = (request.url() != null ? Sha256.hex(request.url()) : textSha256).substring(0, 8);
            String key = slug(publisher + " " + result.date() + " " + names + " " + result.type().name());
            return (key.length() <= 190 ? key : key.substring(0, 190).replaceAll("-+$", "")) + "-" + mark;
        }

        private String title(List<String> subjects) {
            List<String> names = result.participants().stream().map(p -> p.name).toList();
            String who = names.size() == 1 ? names.get(0) : String.join(", ", names.subList(0, names.size() - 1))
                    + " and " + names.get(names.size() - 1);
            String about = subjects.isEmpty() ? "" : " on " + subjects.stream().map(c -> CountryCodes.get(c).name())
                    .collect(Collectors.joining(" and "));
            String title = String.format(TITLES.getOrDefault(result.type(), "%s"), who) + about;
            return title.length() <= 500 ? title : title.substring(0, 500);
        }
    }

    private static final Map<EventType, String> TITLES = Map.of(
            EventType.PHONE_CALL, "%s hold a phone call", EventType.VIDEO_CALL, "%s hold a video call",
            EventType.MEETING, "%s meet", EventType.VISIT, "%s meet during a visit", EventType.SUMMIT, "%s at a summit",
            EventType.NEGOTIATION, "%s negotiate", EventType.AGREEMENT, "%s sign an agreement",
            EventType.JOINT_STATEMENT, "%s issue a joint statement", EventType.STATEMENT, "Statements by %s");

    private static List<TopicRef> refs(List<String> slugs) {
        return slugs == null ? List.of() : slugs.stream().map(TopicRef::ofSlug).toList();
    }

    static String slug(String words) {
        return Fold.phrase(words).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }

}
