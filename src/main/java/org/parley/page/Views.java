package org.parley.page;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.parley.code.CameoCode;
import org.parley.event.EventResponse;
import org.parley.history.RevisionResponse;
import org.parley.statement.StatementResponse;
import org.parley.value.CountryCodes;

/** What the templates show: the API's records, arranged for a page. Every text in them is escaped by Qute. */
final class Views {

    private Views() {
    }

    /** A country as a page shows it: its code, its flag (emoji of the code's regional indicators) and its name. */
    record Country(String code, String flag, String name) {

        static Country of(String code) {
            if (code == null) {
                return null;
            }
            CountryCodes.Country known = CountryCodes.isAlpha2(code) ? CountryCodes.get(code) : null;
            return new Country(code, flag(code), known == null ? code : known.name());
        }

        private static String flag(String code) {
            StringBuilder flag = new StringBuilder();
            code.toUpperCase(Locale.ROOT).chars().forEach(c -> flag.appendCodePoint(0x1F1E6 + c - 'A'));
            return flag.toString();
        }
    }

    /** A participant at an event. */
    record Party(String name, Country country, String role) {
    }

    /** A row of the events list. */
    record Line(long id, LocalDate date, String type, String title, List<Party> participants, List<Country> subjects) {

        static Line of(EventResponse e) {
            return new Line(e.id(), e.date(), label(e.type().name()), e.title(),
                    e.participants().stream().map(p -> new Party(p.name(), Country.of(p.country()), p.role()))
                            .toList(),
                    e.subjectCountries().stream().map(Country::of).toList());
        }
    }

    /** A form field's value and what the API found wrong with it. */
    record Field(String name, String value, List<String> errors) {

        public boolean invalid() {
            return !errors.isEmpty();
        }
    }

    /** A choice of a select. */
    record Option(String value, String label, boolean selected) {
    }

    /** The events list: the filters as the reader gave them, one page, and the same query for machines. */
    record EventList(Map<String, Field> fields, List<Option> countryRoles, List<Option> types, List<Option> sorts,
            List<String> problems, List<Line> rows, long total, String nextUrl, String firstUrl, String jsonUrl,
            String csvUrl, String curl) {

        public Field field(String name) {
            return fields.get(name);
        }

        public String found() {
            return events(total);
        }
    }

    /** A statement beside its translation. */
    record Said(StatementResponse statement, String colour) {

        public boolean direct() {
            return statement.kind() == org.parley.statement.StatementKind.DIRECT_QUOTE;
        }
    }

    /** A speaker with what they said, in the event's order. */
    record Speaker(String name, Country country, String role, String colour, List<Said> statements) {
    }

    /** A part of a report: plain, or one statement's span, marked in its speaker's colour. */
    record Segment(String text, String colour, String speaker, Integer position) {

        public boolean marked() {
            return colour != null;
        }
    }

    /** A report kept for one of the event's sources, cut at the spans of the statements that cite it. */
    record Report(String url, String publisher, String sha256, String language, List<Segment> segments, int marks) {
    }

    /** One event with everything it holds. */
    record EventPage(EventResponse event, Line line, CameoCode cameo, List<Speaker> speakers, List<Report> reports,
            List<RevisionResponse> revisions, String jsonUrl, String citeUrl, String citedAt) {
    }

    /** One bar of a chart: its label, its count, where it is drawn, and what it links to (or null). */
    record Bar(String label, long count, int x, int y, int width, int height, String href, boolean tick) {

        /** "1 event", "3 events". */
        public String events() {
            return Views.events(count);
        }

        public int labelX() {
            return x - 8;
        }

        public int textY() {
            return y + 15;
        }

        public int countX() {
            return x + width + 6;
        }

        public int countY() {
            return y - 3;
        }
    }

    /** A bar chart drawn as SVG: its size, bars, and what a screen reader hears of it. */
    record Chart(String title, int width, int height, List<Bar> bars) {

        public boolean empty() {
            return bars.isEmpty();
        }
    }

    /** A country, or a pair, at a glance. */
    record CountryPage(Country country, Country with, String interval, String otherInterval, long events,
            Chart timeline, Chart partners, Chart topics, String eventsUrl, String jsonUrl) {

        public String found() {
            return Views.events(events);
        }
    }

    /** An error page. */
    record Failure(int status, String title, String detail, List<String> problems) {
    }

    /** "1 event", "3 events". */
    static String events(long count) {
        return count + (count == 1 ? " event" : " events");
    }

    /** {@code PHONE_CALL} as "Phone call". */
    static String label(String constant) {
        String words = constant.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
