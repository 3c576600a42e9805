package org.parley.search;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The sequences of stems of one statement's texts, which quoted phrases are matched against (see
 * {@link SearchTerms.Indexed}).
 */
@Entity
@Table(name = "statement_stems")
public class StatementStems {

    @Id
    @Column(name = "statement_id")
    public Long statementId;

    public String stems;
}
