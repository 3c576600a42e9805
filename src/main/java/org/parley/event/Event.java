package org.parley.event;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.hibernate.annotations.SortNatural;
import org.hibernate.envers.Audited;
import org.parley.store.Record;
import org.parley.topic.Topic;

/** One dated diplomatic interaction. */
@Audited
@Entity
@Table(name = "event")
public class Event extends Record {

    @Column(nullable = false)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EventType type;

    /** The day the event happened, not the day it was reported. */
    @Column(name = "event_date", nullable = false)
    public LocalDate eventDate;

    public String summary;

    @Embedded
    public EventLocation location;

    @OneToMany(mappedBy = "event", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<EventParticipant> participants = new ArrayList<>();

    /** Countries discussed without taking part, ISO 3166-1 alpha-2. */
    @ElementCollection
    @CollectionTable(name = "event_subject_country", joinColumns = @JoinColumn(name = "event_id"))
    @Column(name = "country", nullable = false)
    @OrderBy
    public Set<String> subjectCountries = new LinkedHashSet<>();

    @ManyToMany
    @JoinTable(name = "event_topic", joinColumns = @JoinColumn(name = "event_id"),
            inverseJoinColumns = @JoinColumn(name = "topic_id"))
    @SortNatural // in slug order, also as Envers loads a past revision (it ignores @OrderBy on a join table)
    public SortedSet<Topic> topics = new TreeSet<>();

    @ElementCollection
    @CollectionTable(name = "event_source", joinColumns = @JoinColumn(name = "event_id"))
    @OrderColumn(name = "position")
    public List<EventSource> sources = new ArrayList<>();

    @Column(name = "cameo_code", nullable = false)
    public String cameoCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EventStatus status = EventStatus.HELD;

    /** Last day of an event over several days; null for one day. */
    @Column(name = "end_date")
    public LocalDate endDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "date_precision", nullable = false)
    public DatePrecision datePrecision = DatePrecision.DAY;

    @Enumerated(EnumType.STRING)
    @Column(name = "plover_type")
    public PloverType ploverType;

    @Column(name = "plover_mode")
    public String ploverMode;

    /** Goldstein scale value, -10 to +10. */
    public Double goldstein;

    /** The id a data provider gives the event: its key in bulk imports; unique when present. */
    @Column(name = "external_id")
    public String externalId;

    /** The participants' countries, sorted and without duplicates. */
    public List<String> countries() {
        return participants.stream().map(p -> p.participant.country).filter(c -> c != null).distinct().sorted().toList();
    }

    public boolean hasParticipant(long participantId) {
        return participants.stream().anyMatch(p -> p.participant.id == participantId);
    }

    public boolean hasSource(String url) {
        return sources.stream().anyMatch(s -> url.equals(s.url));
    }

    /**
     * The SHA-256 of the report text of the source with this url, which statements citing the url show; null when
     * there is none. Should several sources share the url, the least of their hashes, as the statements' CSV
     * projection finds it.
     */
    public String textSha256Of(String url) {
        return url == null ? null : sources.stream().filter(s -> url.equals(s.url)).map(s -> s.textSha256)
                .filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
    }

    /** {@link #textSha256Of} each url of the sources (null when the source gives none), by url. */
    public Map<String, String> textSha256ByUrl() {
        Map<String, String> byUrl = new HashMap<>();
        sources.stream().map(s -> s.url).filter(Objects::nonNull).forEach(url -> byUrl.put(url, textSha256Of(url)));
        return byUrl;
    }
}
