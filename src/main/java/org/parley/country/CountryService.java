package org.parley.country;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.parley.value.CountryCodes.Country;
import org.parley.value.CountryCodes;

@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CountryService {

    private final CountryRepository repository;

    public CountryService(CountryRepository repository) {
        this.repository = repository;
    }

    /** Every ISO country with its coverage. */
    public List<CountryResponse> all() {
        Map<String, CountryRepository.Coverage> participant = repository.asParticipant(null);
        Map<String, CountryRepository.Coverage> subject = repository.asSubject(null);
        return CountryCodes.all().stream()
                .map(c -> response(c, participant.get(c.alpha2()), subject.get(c.alpha2())))
                .toList();
    }

    /** One country by its alpha-2 code. */
    public CountryResponse get(String alpha2) {
        return response(CountryCodes.get(alpha2), repository.asParticipant(alpha2).get(alpha2),
                repository.asSubject(alpha2).get(alpha2));
    }

    private static CountryResponse response(Country country, CountryRepository.Coverage participant,
            CountryRepository.Coverage subject) {
        LocalDate first = Stream.of(participant, subject).filter(c -> c != null).map(CountryRepository.Coverage::first)
                .min(Comparator.naturalOrder()).orElse(null);
        LocalDate last = Stream.of(participant, subject).filter(c -> c != null).map(CountryRepository.Coverage::last)
                .max(Comparator.naturalOrder()).orElse(null);
        return new CountryResponse(country.alpha2(), country.alpha3(), country.name(),
                participant == null ? 0 : participant.events(), subject == null ? 0 : subject.events(), first, last);
    }
}
