package org.parley.statement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import org.hibernate.annotations.Immutable;

/**
 * One row of the statement_topic link table, which {@link Statement#topics} writes: mapped again, read-only, so that
 * topic filters are one probe of the link table by topic id, not a join through statement and topic.
 */
@Entity
@Immutable
@Table(name = "statement_topic")
@IdClass(StatementTopic.Key.class)
public class StatementTopic {

    @Id
    @Column(name = "statement_id")
    public Long statementId;

    @Id
    @Column(name = "topic_id")
    public Long topicId;

    public record Key(Long statementId, Long topicId) implements Serializable {
    }
}
