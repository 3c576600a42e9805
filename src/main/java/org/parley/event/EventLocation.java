package org.parley.event;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

@Embeddable
public class EventLocation {

    @Column(name = "location_country")
    public String country;

    @Column(name = "location_city")
    public String city;
}
