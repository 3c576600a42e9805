package org.parley.search;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** One word of one event, its statements included. */
@Entity
@Table(name = "event_term")
@IdClass(EventTerm.Key.class)
public class EventTerm {

    @Id
    public String term;

    @Id
    @Column(name = "event_id")
    public Long eventId;

    /** The term's weight in the record, for {@code sort=relevance} (see {@link SearchTerms#weight}). */
    public int weight;

    public record Key(String term, Long eventId) implements Serializable {
    }
}
