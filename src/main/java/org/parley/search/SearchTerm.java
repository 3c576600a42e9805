package org.parley.search;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A term that some record has or had: on PostgreSQL, where the word index keeps terms in arrays, a prefix is looked up
 * here among the distinct terms (see migration V21). A term whose records are gone stays: it only makes a prefix
 * search look it up for nothing.
 */
@Entity
@Table(name = "search_term")
public class SearchTerm {

    @Id
    public String term;
}
