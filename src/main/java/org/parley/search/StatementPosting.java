package org.parley.search;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One term of one statement in H2's word index: its posting is the term's number ({@link Word}) times
 * {@link SearchIndex#WORD_SPAN} plus the statement's id (migration V24).
 */
@Entity
@Table(name = "statement_posting")
public class StatementPosting {

    @Id
    public Long posting;

    /** The term's weight in the statement, for {@code sort=relevance} (see {@link SearchTerms#weight}). */
    public int weight;
}
