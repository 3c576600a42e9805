package org.parley.search;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The sequences of stems of one event's texts, which quoted phrases are matched against (see {@link SearchTerms.Indexed}). */
@Entity
@Table(name = "event_stems")
public class EventStems {

    @Id
    @Column(name = "event_id")
    public Long eventId;

    public String stems;
}
