package org.parley.topic;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.parley.common.Record;

/** A subject of discussion, such as the Kazakhstan unrest. */
@Entity
@Table(name = "topic")
public class Topic extends Record {

    @Column(nullable = false, unique = true)
    public String slug;

    @Column(nullable = false)
    public String name;

    public String description;
}
