package org.parley.event;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/** Where an event is documented. The publication time keeps the offset the publisher gave. */
@Embeddable
public class EventSource {

    public String url;

    @Column(nullable = false)
    public String publisher;

    public String title;

    /**
     * The publication time as an instant, and the publisher's offset in seconds beside it: two plain columns rather
     * than Hibernate's {@code @TimeZoneStorage}, which Envers leaves out of the audit tables.
     */
    @Column(name = "published_at")
    public Instant publishedInstant;

    @Column(name = "published_at_offset")
    public Integer publishedOffsetSeconds;

    public String language;

    /** The SHA-256 of the report's text (UTF-8), lowercase hex: what the spans of statements citing it count in. */
    @Column(name = "text_sha256")
    public String textSha256;

    @Override
    public boolean equals(Object other) {
        return other instanceof EventSource that && Objects.equals(url, that.url)
                && Objects.equals(publisher, that.publisher) && Objects.equals(title, that.title)
                && Objects.equals(publishedInstant, that.publishedInstant)
                && Objects.equals(publishedOffsetSeconds, that.publishedOffsetSeconds)
                && Objects.equals(language, that.language) && Objects.equals(textSha256, that.textSha256);
    }

    @Override
    public int hashCode() {
        return Objects.hash(url, publisher, title, publishedInstant, publishedOffsetSeconds, language, textSha256);
    }

    /** The publication time with the publisher's offset, or null. */
    public OffsetDateTime publishedAt() {
        return publishedInstant == null ? null : publishedInstant.atOffset(ZoneOffset.ofTotalSeconds(
                publishedOffsetSeconds == null ? 0 : publishedOffsetSeconds));
    }

    public void publishedAt(OffsetDateTime time) {
        publishedInstant = time == null ? null : time.toInstant();
        publishedOffsetSeconds = time == null ? null : time.getOffset().getTotalSeconds();
    }
}
