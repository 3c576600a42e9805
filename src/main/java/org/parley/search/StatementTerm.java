package org.parley.search;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** One word of one statement. */
@Entity
@Table(name = "statement_term")
@IdClass(StatementTerm.Key.class)
public class StatementTerm {

    @Id
    public String term;

    @Id
    @Column(name = "statement_id")
    public Long statementId;

    /** The term's weight in the record, for {@code sort=relevance} (see {@link SearchTerms#weight}). */
    public int weight;

    public record Key(String term, Long statementId) implements Serializable {
    }
}
