package org.parley.event;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.OffsetDateTime;
import org.hibernate.annotations.TimeZoneColumn;
import org.hibernate.annotations.TimeZoneStorage;
import org.hibernate.annotations.TimeZoneStorageType;

/** Where an event is documented. The publication time keeps the offset the publisher gave. */
@Embeddable
public class EventSource {

    public String url;

    @Column(nullable = false)
    public String publisher;

    public String title;

    @TimeZoneStorage(TimeZoneStorageType.COLUMN)
    @TimeZoneColumn(name = "published_at_offset")
    @Column(name = "published_at")
    public OffsetDateTime publishedAt;

    public String language;
}
