package org.parley.search;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The sequences of stems of one event's texts, which quoted phrases are matched against (see {@link SearchTerms.Indexed}). */
@Entity
@Table(name = "event_stems")
public class EventStems {

    @Id
    @Column(name = "event_id")
    public Long eventId;

    public String stems;

    /** The record's terms in term order: PostgreSQL's form of the word index (null on H2, see migration V21). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(length = 100)
    public String[] terms;

    /** The weight of each of {@link #terms}, in the same order (see {@link SearchTerms#weight}). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public Integer[] weights;
}
