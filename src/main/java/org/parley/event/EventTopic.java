package org.parley.event;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import org.hibernate.annotations.Immutable;

/**
 * One row of the event_topic link table, which {@link Event#topics} writes: mapped again, read-only, so that
 * topic filters are one probe of the link table by topic id, not a join through event and topic.
 */
@Entity
@Immutable
@Table(name = "event_topic")
@IdClass(EventTopic.Key.class)
public class EventTopic {

    @Id
    @Column(name = "event_id")
    public Long eventId;

    @Id
    @Column(name = "topic_id")
    public Long topicId;

    public record Key(Long eventId, Long topicId) implements Serializable {
    }
}
