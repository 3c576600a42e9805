package org.parley.participant;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.envers.Audited;
import org.parley.store.Record;

/** An actor who takes part in or speaks at events: a person such as Wang Yi, or an organisation such as the CSTO. */
@Audited
@Entity
@Table(name = "participant")
public class Participant extends Record {

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ParticipantKind kind;

    /** ISO 3166-1 alpha-2; null for international organisations. */
    public String country;

    public String title;

    public String organization;

    @Column(name = "wikidata_id")
    public String wikidataId;

    /** The id a data provider gives the participant: its key in bulk imports; unique when present. */
    @Column(name = "external_id")
    public String externalId;

    @ElementCollection
    @CollectionTable(name = "participant_alias", joinColumns = @JoinColumn(name = "participant_id"))
    @OrderColumn(name = "position")
    @Column(name = "alias", nullable = false)
    public List<String> aliases = new ArrayList<>();
}
