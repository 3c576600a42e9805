package org.parley.stats;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.parley.event.EventQuery;
import org.parley.event.EventRepository;
import org.parley.stats.StatsResponses.Dyad;
import org.parley.stats.StatsResponses.Period;
import org.parley.stats.StatsResponses.TopicCount;
import org.parley.store.Filter;

@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class StatsService {

    /** Lengths of the periods of a timeline. */
    public enum Interval {
        YEAR(12),
        QUARTER(3),
        MONTH(1);

        private final int months;

        Interval(int months) {
            this.months = months;
        }

        LocalDate start(int year, int month) {
            return LocalDate.of(year, (month - 1) / months * months + 1, 1);
        }

        String label(LocalDate start) {
            return switch (this) {
                case YEAR -> String.valueOf(start.getYear());
                case QUARTER -> start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1);
                case MONTH -> start.toString().substring(0, 7);
            };
        }
    }

    private final StatsRepository stats;
    private final EventRepository events;

    public StatsService(StatsRepository stats, EventRepository events) {
        this.stats = stats;
        this.events = events;
    }

    /** Pairs of participant countries, most frequent first. */
    public List<Dyad> dyads(EventQuery query) {
        return stats.dyads(events.filter(query)).stream()
                .map(r -> new Dyad((String) r[0], (String) r[1], (Long) r[2], (LocalDate) r[3], (LocalDate) r[4]))
                .sorted(Comparator.comparingLong(Dyad::events).reversed().thenComparing(Dyad::country1)
                        .thenComparing(Dyad::country2))
                .toList();
    }

    /**
     * Events per period, oldest first, every period from the first to the last (or over {@code from}..{@code to}
     * when given) present, with zero where nothing happened.
     */
    public List<Period> timeline(EventQuery query, Interval interval) {
        TreeMap<LocalDate, Long> counts = new TreeMap<>();
        for (Object[] row : stats.perMonth(events.filter(query))) {
            LocalDate start = interval.start(((Number) row[0]).intValue(), ((Number) row[1]).intValue());
            counts.merge(start, (Long) row[2], Long::sum);
        }
        LocalDate first = query.from() != null ? interval.start(query.from().getYear(), query.from().getMonthValue())
                : counts.isEmpty() ? null : counts.firstKey();
        LocalDate last = query.to() != null ? interval.start(query.to().getYear(), query.to().getMonthValue())
                : counts.isEmpty() ? null : counts.lastKey();
        if (first == null || last == null) {
            return List.of();
        }
        List<Period> periods = new java.util.ArrayList<>();
        for (LocalDate start = first; !start.isAfter(last); start = start.plusMonths(interval.months)) {
            periods.add(new Period(interval.label(start), start, counts.getOrDefault(start, 0L)));
        }
        return periods;
    }

    /** Topics of the selected events, ranked by events then statements. */
    public List<TopicCount> topics(EventQuery query) {
        Map<String, long[]> counts = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        Filter filter = events.filter(query);
        for (Object[] row : stats.topicsOfEvents(filter)) {
            names.put((String) row[0], (String) row[1]);
            counts.computeIfAbsent((String) row[0], k -> new long[2])[0] = (Long) row[2];
        }
        for (Object[] row : stats.topicsOfStatements(filter)) {
            names.put((String) row[0], (String) row[1]);
            counts.computeIfAbsent((String) row[0], k -> new long[2])[1] = (Long) row[2];
        }
        return counts.entrySet().stream()
                .map(e -> new TopicCount(e.getKey(), names.get(e.getKey()), e.getValue()[0], e.getValue()[1]))
                .sorted(Comparator.comparingLong(TopicCount::events).reversed()
                        .thenComparing(Comparator.comparingLong(TopicCount::statements).reversed())
                        .thenComparing(TopicCount::slug))
                .toList();
    }
}
