package org.parley.topic;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.envers.Audited;
import org.parley.store.Record;

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

    /** Other names, in any language: "révolutions de couleur", "OTSC". */
    @ElementCollection
    @CollectionTable(name = "topic_alias", joinColumns = @JoinColumn(name = "topic_id"))
    @OrderColumn(name = "position")
    @Column(name = "alias", nullable = false)
    public List<String> aliases = new ArrayList<>();

    /** Topics sort by slug, which is unique. */
    @Override
    public int compareTo(Topic other) {
        return slug.compareTo(other.slug);
    }
}
