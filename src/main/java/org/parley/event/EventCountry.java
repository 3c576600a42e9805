package org.parley.event;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;

/**
 * One country of one event, as a participant's country or as a subject, with the event's date: the index behind
 * country filters. Written with plain SQL by {@link EventCountries}; mapped only to be queried.
 */
@Entity
@Table(name = "event_country")
@IdClass(EventCountry.Key.class)
public class EventCountry {

    public static final String PARTICIPANT = "PARTICIPANT";
    public static final String SUBJECT = "SUBJECT";

    @Id
    public String country;

    @Id
    public String role;

    @Id
    @Column(name = "event_date")
    public LocalDate eventDate;

    @Id
    @Column(name = "event_id")
    public Long eventId;

    public record Key(String country, String role, LocalDate eventDate, Long eventId) implements Serializable {
    }
}
