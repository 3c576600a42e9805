package org.parley.search;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A term of H2's word index of statements and its number, which the postings of its statements carry. */
@Entity
public class Word {

    @Id
    public Long id;

    public String term;
}
