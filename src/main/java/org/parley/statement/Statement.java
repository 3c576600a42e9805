package org.parley.statement;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.SortedSet;
import java.util.TreeSet;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.SortNatural;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import org.hibernate.type.SqlTypes;
import org.parley.event.Event;
import org.parley.participant.Participant;
import org.parley.store.Record;
import org.parley.topic.Topic;

/** One position a participant expressed at an event, in the source's words. */
@Audited
@Entity
@Table(name = "statement")
public class Statement extends Record {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "event_id")
    public Event event;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "speaker_id")
    public Participant speaker;

    /** In the source's language, as reported. */
    @Column(nullable = false)
    public String text;

    @Column(nullable = false)
    public String language;

    /** English translation. */
    public String translation;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public StatementKind kind;

    @ManyToMany
    @JoinTable(name = "statement_topic", joinColumns = @JoinColumn(name = "statement_id"),
            inverseJoinColumns = @JoinColumn(name = "topic_id"))
    @SortNatural // in slug order, also as Envers loads a past revision (it ignores @OrderBy on a join table)
    public SortedSet<Topic> topics = new TreeSet<>();

    /** Order within the event. */
    @Column(nullable = false)
    public int position;

    @Column(name = "source_url")
    public String sourceUrl;

    /** Where the text is in the source's report, in UTF-16 code units, end exclusive (see {@link Span}); or null. */
    @Column(name = "span_start")
    public Integer spanStart;

    @Column(name = "span_end")
    public Integer spanEnd;

    /** The event's date, copied here so that date-ordered statement lists walk one index. */
    @NotAudited
    @Column(name = "event_date", nullable = false)
    public LocalDate eventDate;

    /** The speaker's country, copied here for the same reason. */
    @NotAudited
    @Column(name = "speaker_country")
    public String speakerCountry;

    /**
     * The statement's entry in the word index, on its own row so that a search combines with its other conditions
     * before rows are read (migration V23): its stem sequences and its terms in term order, and on PostgreSQL their
     * weights (null on H2, whose index is the postings the terms list, see {@link org.parley.search.SearchIndex}).
     * Only the index writes them, with SQL; mapped for the conditions of searches, never loaded with the statement.
     */
    @NotAudited
    @Basic(fetch = FetchType.LAZY)
    @Column(insertable = false, updatable = false)
    public String stems;

    @NotAudited
    @Basic(fetch = FetchType.LAZY)
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(length = 100, insertable = false, updatable = false)
    public String[] terms;

    @NotAudited
    @Basic(fetch = FetchType.LAZY)
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(insertable = false, updatable = false)
    public Integer[] weights;

    /** Where the text is in the report, or null for a statement typed by hand. */
    public Span span() {
        return Span.of(spanStart, spanEnd);
    }

    /** The SHA-256 of the text of the report this statement cites (its event's source with its url), or null. */
    public String sourceSha256() {
        return event.textSha256Of(sourceUrl);
    }
}
