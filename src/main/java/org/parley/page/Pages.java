package org.parley.page;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.parley.code.CameoCodes;
import org.parley.event.Event;
import org.parley.event.EventFilterParams;
import org.parley.event.EventQuery;
import org.parley.event.EventResource;
import org.parley.event.EventResponse;
import org.parley.event.EventService;
import org.parley.event.EventType;
import org.parley.history.History;
import org.parley.page.Views.Bar;
import org.parley.page.Views.Chart;
import org.parley.page.Views.Country;
import org.parley.page.Views.CountryPage;
import org.parley.page.Views.EventList;
import org.parley.page.Views.EventPage;
import org.parley.page.Views.Failure;
import org.parley.page.Views.Field;
import org.parley.page.Views.Line;
import org.parley.page.Views.Option;
import org.parley.page.Views.Report;
import org.parley.page.Views.Said;
import org.parley.page.Views.Segment;
import org.parley.page.Views.Speaker;
import org.parley.problem.ProblemException;
import org.parley.problem.Violation;
import org.parley.report.ReportService;
import org.parley.statement.StatementResponse;
import org.parley.stats.StatsResponses.Dyad;
import org.parley.stats.StatsResponses.Period;
import org.parley.stats.StatsResponses.TopicCount;
import org.parley.stats.StatsService;
import org.parley.store.Rendered;
import org.parley.value.CountryCodes;
import org.parley.web.ListedRecordResource.Listing;
import org.parley.web.PageParams;
import org.parley.web.Params;

/**
 * The reader's pages: HTML for people, made by the services that answer the API, from the same stored documents and
 * queries. A page that the API would refuse (a bad filter, an unknown id) is an HTML page with the API's messages
 * and its status; the API itself keeps answering problems.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class Pages {

    /** Colours a page gives speakers, in the order of the event's participants (classes of the style sheet). */
    private static final int COLOURS = 6;
    private static final int CHART_WIDTH = 760;
    private static final int TOP = 12;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance events(EventList view);

        static native TemplateInstance event(EventPage view);

        static native TemplateInstance country(CountryPage view);

        static native TemplateInstance error(Failure view);
    }

    private final EventResource eventList;
    private final EventService events;
    private final StatsService stats;
    private final History history;
    private final CameoCodes cameo;
    private final ReportService reports;
    private final ReadBack json;

    public Pages(EventResource eventList, EventService events, StatsService stats, History history, CameoCodes cameo,
            ReportService reports, ObjectMapper json) {
        this.eventList = eventList;
        this.events = events;
        this.stats = stats;
        this.history = history;
        this.cameo = cameo;
        this.reports = reports;
        this.json = new ReadBack(json);
    }

    @GET
    @Operation(hidden = true) // a page for people, not an operation of the API
    public RestResponse<String> home(@BeanParam EventFilterParams filters, @QueryParam("sort") String sort,
            @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        return list(filters, sort, cursor, uri);
    }

    @GET
    @Path("events")
    @Operation(hidden = true)
    public RestResponse<String> events(@BeanParam EventFilterParams filters, @QueryParam("sort") String sort,
            @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        return list(filters, sort, cursor, uri);
    }

    @GET
    @Path("events/{id}")
    @Operation(hidden = true)
    public String event(@PathParam("id") String id, @Context UriInfo uri) {
        long key = id(id);
        EventResponse event = parse(events.read(key));
        List<Speaker> speakers = speakers(event);
        Map<Long, String> colours = new LinkedHashMap<>();
        speakers.forEach(s -> s.statements().forEach(said -> colours.put(said.statement().id(), said.colour())));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String api = "/api/v1/events/" + key;
        return Templates.event(new EventPage(event, Line.of(event), cameo.find(event.cameoCode()).orElse(null),
                speakers, reports(event, colours), history.revisions(Event.class, "Event", key), api,
                api + "?asOf=" + now, now.toString())).render();
    }

    @GET
    @Path("countries/{code}")
    @Operation(hidden = true)
    public String country(@PathParam("code") String code, @QueryParam("with") String with,
            @QueryParam("interval") String interval) {
        return countryPage(code, with == null || with.isBlank() ? null : with, interval);
    }

    @GET
    @Path("countries/{code}/{other}")
    @Operation(hidden = true)
    public String pair(@PathParam("code") String code, @PathParam("other") String other,
            @QueryParam("interval") String interval) {
        return countryPage(code, other, interval);
    }

    /** A failure on a page is a page: the API's message, with the API's status. */
    @ServerExceptionMapper
    public RestResponse<String> failed(ProblemException e) {
        String title = switch (e.status()) {
            case 404 -> "Not found";
            case 400 -> "Invalid request";
            default -> "Cannot show this page";
        };
        return html(e.status(), Templates.error(new Failure(e.status(), title, e.getMessage(),
                e.violations().stream().map(v -> v.field() + ": " + v.message()).toList())));
    }

    private RestResponse<String> list(EventFilterParams given, String sort, String cursor, UriInfo uri) {
        EventFilterParams filters = cleaned(given);
        String order = blankToNull(sort);
        List<String[]> query = parameters(filters, order);
        PageParams paging = new PageParams();
        paging.cursor = cursor == null || cursor.isBlank() ? "*" : cursor;
        List<Violation> violations = List.of();
        List<Line> rows = List.of();
        long total = 0;
        String next = null;
        try {
            Listing<EventResponse> listing = eventList.listing(filters, order, paging);
            rows = listing.page().items().stream().map(this::parse).map(Line::of).toList();
            total = listing.page().total();
            next = listing.page().nextCursor();
        } catch (ProblemException e) {
            violations = e.violations().isEmpty() ? List.of(Violation.query("", e.getMessage())) : e.violations();
        }
        Map<String, List<String>> errors = violations.stream().collect(Collectors.groupingBy(Violation::field,
                LinkedHashMap::new, Collectors.mapping(Violation::message, Collectors.toList())));
        Map<String, Field> fields = new LinkedHashMap<>();
        field(fields, errors, "country", String.join(" ", filters.country));
        field(fields, errors, "countryRole", filters.countryRole);
        field(fields, errors, "from", filters.from);
        field(fields, errors, "to", filters.to);
        field(fields, errors, "type", filters.type.isEmpty() ? null : filters.type.get(0));
        field(fields, errors, "topic", String.join(" ", filters.topic));
        field(fields, errors, "q", filters.q);
        field(fields, errors, "sort", order);
        String chosenRole = fields.get("countryRole").value();
        // the defaults are empty values, absent from the query the form makes
        List<Option> roles = Stream.of("any", "participant", "subject")
                .map(r -> new Option(r.equals("any") ? "" : r, r.equals("any") ? "any role" : "as " + r,
                        r.equalsIgnoreCase(chosenRole == null ? "any" : chosenRole)))
                .toList();
        String chosenType = fields.get("type").value();
        List<Option> types = Stream.concat(Stream.of(new Option("", "any type", chosenType == null)),
                Arrays.stream(EventType.values()).map(t -> new Option(t.name(), Views.label(t.name()),
                        t.name().equalsIgnoreCase(chosenType)))).toList();
        List<Option> sorts = Stream.of(new String[] {"-date", "newest first"}, new String[] {"date", "oldest first"},
                new String[] {"title", "title A–Z"}, new String[] {"relevance", "best match (with words)"})
                .map(s -> new Option(s[0].equals("-date") ? "" : s[0], s[1], s[0].equals(order == null ? "-date" : order)))
                .toList();
        List<String> problems = violations.stream()
                .map(v -> v.field().isEmpty() ? v.message() : v.field() + ": " + v.message()).toList();
        String apiQuery = encode(query);
        String pageQuery = apiQuery.isEmpty() ? "" : apiQuery + "&";
        String jsonUrl = "/api/v1/events" + (apiQuery.isEmpty() ? "" : "?" + apiQuery);
        String csvUrl = "/api/v1/events?" + pageQuery + "format=csv";
        String base = uri.getBaseUri().toString().replaceAll("/$", "");
        EventList view = new EventList(fields, roles, types, sorts, problems, rows, total,
                next == null ? null : "/events?" + pageQuery + "cursor=" + enc(next),
                paging.cursor.equals("*") ? null : "/events" + (apiQuery.isEmpty() ? "" : "?" + apiQuery),
                jsonUrl, csvUrl, "curl -H 'Accept: text/csv' '" + base + jsonUrl + "' -o events.csv");
        return html(violations.isEmpty() ? 200 : 400, Templates.events(view));
    }

    private static RestResponse<String> html(int status, TemplateInstance page) {
        return RestResponse.ResponseBuilder.<String>create(status).entity(page.render())
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    private static void field(Map<String, Field> fields, Map<String, List<String>> errors, String name, String value) {
        fields.put(name, new Field(name, blankToNull(value), errors.getOrDefault(name, List.of())));
    }

    /**
     * The filters as the API reads them: countries and topics may be typed into one box, separated by spaces or
     * commas; empty boxes are absent parameters.
     */
    private static EventFilterParams cleaned(EventFilterParams given) {
        EventFilterParams f = new EventFilterParams();
        f.country = split(given.country);
        f.topic = split(given.topic);
        f.type = split(given.type);
        f.status = split(given.status);
        f.countryRole = blankToNull(given.countryRole);
        f.from = blankToNull(given.from);
        f.to = blankToNull(given.to);
        f.participant = blankToNull(given.participant);
        f.q = blankToNull(given.q);
        f.cameo = blankToNull(given.cameo);
        return f;
    }

    private static List<String> split(List<String> values) {
        return values == null ? List.of() : values.stream().flatMap(v -> Arrays.stream(v.split("[\\s,]+")))
                .filter(v -> !v.isBlank()).toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The API's query string of these filters, each parameter as the API takes it. */
    private static List<String[]> parameters(EventFilterParams f, String sort) {
        List<String[]> query = new ArrayList<>();
        f.country.forEach(c -> query.add(new String[] {"country", c}));
        add(query, "countryRole", f.countryRole);
        add(query, "from", f.from);
        add(query, "to", f.to);
        f.type.forEach(t -> query.add(new String[] {"type", t}));
        f.topic.forEach(t -> query.add(new String[] {"topic", t}));
        add(query, "participant", f.participant);
        add(query, "q", f.q);
        f.status.forEach(s -> query.add(new String[] {"status", s}));
        add(query, "cameo", f.cameo);
        add(query, "sort", sort);
        return query;
    }

    private static void add(List<String[]> query, String name, String value) {
        if (value != null) {
            query.add(new String[] {name, value});
        }
    }

    private static String encode(List<String[]> query) {
        return query.stream().map(p -> enc(p[0]) + "=" + enc(p[1])).collect(Collectors.joining("&"));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static long id(String id) {
        try {
            long key = Long.parseLong(id);
            if (key > 0) {
                return key;
            }
        } catch (NumberFormatException e) {
            // not an id: no such event
        }
        throw ProblemException.notFound("Event", id);
    }

    private EventResponse parse(Rendered<EventResponse> rendered) {
        return json.read(rendered, EventResponse.class);
    }

    /** The statements under their speakers, in the order of the event's participants. */
    private static List<Speaker> speakers(EventResponse event) {
        List<Speaker> speakers = new ArrayList<>();
        List<StatementResponse> said = event.statements() == null ? List.of() : event.statements();
        for (int i = 0; i < event.participants().size(); i++) {
            var p = event.participants().get(i);
            String colour = "sp" + (i % COLOURS);
            List<Said> theirs = said.stream().filter(s -> Objects.equals(s.speakerId(), p.participantId()))
                    .map(s -> new Said(s, colour)).toList();
            speakers.add(new Speaker(p.name(), Country.of(p.country()), p.role(), colour, theirs));
        }
        return speakers;
    }

    /** Each kept report of the event's sources, with the spans of the statements that cite it marked. */
    private List<Report> reports(EventResponse event, Map<Long, String> colours) {
        List<String> hashes = event.sources().stream().map(s -> s.textSha256()).filter(Objects::nonNull).distinct()
                .toList();
        Map<String, String> texts = reports.texts(hashes);
        List<Report> shown = new ArrayList<>();
        List<StatementResponse> said = event.statements() == null ? List.of() : event.statements();
        for (var source : event.sources()) {
            String text = source.textSha256() == null ? null : texts.get(source.textSha256());
            if (text == null || shown.stream().anyMatch(r -> r.sha256().equals(source.textSha256()))) {
                continue;
            }
            List<StatementResponse> spans = said.stream()
                    .filter(s -> s.span() != null && source.textSha256().equals(s.sourceSha256()))
                    .filter(s -> s.span().start() >= 0 && s.span().end() <= text.length())
                    .sorted((a, b) -> Integer.compare(a.span().start(), b.span().start())).toList();
            List<Segment> segments = new ArrayList<>();
            int at = 0;
            int marks = 0;
            for (StatementResponse s : spans) {
                if (s.span().start() < at) {
                    continue; // overlaps the span before: shown in the statements only
                }
                if (s.span().start() > at) {
                    segments.add(new Segment(text.substring(at, s.span().start()), null, null, null));
                }
                segments.add(new Segment(text.substring(s.span().start(), s.span().end()),
                        colours.getOrDefault(s.id(), "sp0"), s.speakerName(), s.position()));
                marks++;
                at = s.span().end();
            }
            if (at < text.length()) {
                segments.add(new Segment(text.substring(at), null, null, null));
            }
            shown.add(new Report(source.url(), source.publisher(), source.textSha256(), source.language(), segments,
                    marks));
        }
        return shown;
    }

    private String countryPage(String code, String other, String interval) {
        String country = known(code);
        String with = other == null ? null : known(other);
        EventFilterParams filters = new EventFilterParams();
        filters.country = with == null ? List.of(country) : List.of(country, with);
        filters.type = List.of();
        filters.topic = List.of();
        filters.status = List.of();
        Params params = new Params();
        EventQuery query = filters.toQuery(params);
        StatsService.Interval chosen = params.optionalEnum("interval", interval, StatsService.Interval.class);
        params.validate();
        List<Period> months = stats.timeline(query, StatsService.Interval.MONTH);
        if (chosen == null) {
            chosen = months.size() > 36 ? StatsService.Interval.YEAR : StatsService.Interval.MONTH;
        }
        List<Period> periods = chosen == StatsService.Interval.MONTH ? months : stats.timeline(query, chosen);
        long total = periods.stream().mapToLong(Period::events).sum();
        String filter = "country=" + country + (with == null ? "" : "&country=" + with);
        List<Dyad> dyads = stats.dyads(query);
        List<Bar> partners = new ArrayList<>();
        long most = dyads.stream().mapToLong(Dyad::events).max().orElse(1);
        for (Dyad d : dyads.subList(0, Math.min(TOP, dyads.size()))) {
            String partner = d.country1().equals(country) ? d.country2() : d.country2().equals(country)
                    ? d.country1() : null;
            String label = partner != null ? Country.of(partner).name()
                    : Country.of(d.country1()).name() + " – " + Country.of(d.country2()).name();
            String href = partner != null ? "/countries/" + country + "/" + partner
                    : "/countries/" + d.country1() + "/" + d.country2();
            partners.add(row(partners.size(), label, d.events(), most, href));
        }
        List<TopicCount> topicCounts = stats.topics(query);
        List<Bar> topics = new ArrayList<>();
        long mostTopic = topicCounts.stream().mapToLong(TopicCount::events).max().orElse(1);
        for (TopicCount t : topicCounts.subList(0, Math.min(TOP, topicCounts.size()))) {
            topics.add(row(topics.size(), t.name(), t.events(), mostTopic,
                    "/events?" + filter + "&topic=" + enc(t.slug())));
        }
        String name = Country.of(country).name() + (with == null ? "" : " and " + Country.of(with).name());
        return Templates.country(new CountryPage(Country.of(country), Country.of(with), chosen.name().toLowerCase(),
                chosen == StatsService.Interval.MONTH ? "year" : "month", total,
                timeline("Events of " + name + " per " + chosen.name().toLowerCase(), periods),
                new Chart(with == null ? "Countries that met in " + name + "'s events" : "Countries that met in"
                        + " their events", CHART_WIDTH, partners.size() * ROW, partners),
                new Chart("Topics of " + name + "'s events", CHART_WIDTH, topics.size() * ROW, topics),
                "/events?" + filter, "/api/v1/stats/timeline?" + filter + "&interval="
                        + chosen.name().toLowerCase())).render();
    }

    private static String known(String code) {
        String alpha2 = CountryCodes.normalize(code);
        if (alpha2 == null) {
            throw ProblemException.notFound("Country", code);
        }
        return alpha2;
    }

    private static final int ROW = 28;
    private static final int LABEL = 280;

    /** A bar of a horizontal chart: the label left of it, the count right of it. */
    private static Bar row(int index, String label, long count, long most, String href) {
        int longest = CHART_WIDTH - LABEL - 60;
        int width = (int) Math.max(2, count * longest / Math.max(1, most));
        return new Bar(label, count, LABEL, index * ROW + 4, width, ROW - 8, href, true);
    }

    private static final int PLOT_HEIGHT = 160;

    /** Columns, one a period, oldest first, on a base line; the caller labels some of them. */
    private static Chart timeline(String title, List<Period> periods) {
        int left = 10;
        int n = Math.max(1, periods.size());
        int step = Math.max(2, (CHART_WIDTH - left * 2) / n);
        long most = periods.stream().mapToLong(Period::events).max().orElse(1);
        int every = (n + 11) / 12; // at most a dozen period labels under the columns
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            Period p = periods.get(i);
            int height = (int) (p.events() * PLOT_HEIGHT / Math.max(1, most));
            bars.add(new Bar(p.period(), p.events(), left + i * step, 20 + PLOT_HEIGHT - height,
                    Math.max(1, Math.min(60, step * 4 / 5)), height, null, i % every == 0));
        }
        return new Chart(title, CHART_WIDTH, PLOT_HEIGHT + 50, bars);
    }
}
