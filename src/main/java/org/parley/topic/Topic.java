package org.parley.topic;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.envers.Audited;
import org.parley.common.Record;

/** A subject of discussion, such as the Kazakhstan unrest. */
@Audited
@Entity
@Table(name = "topic")
public class Topic extends Record implements Comparable<Topic> {

    @Column(nullable = false, unique = true)
    public String slug;

    @Column(nullable = false)
    public String name;

    public String description;

    /** Topics sort by slug, which is unique. */
    @Override
    public int compareTo(Topic other) {
        return slug.compareTo(other.slug);
    }
}
