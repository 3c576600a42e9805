package org.parley.draft;

import java.time.DayOfWeek;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.regex.Matcher;

/**
 * The day an event happened, from the date words of the report and the day it was written: explicit dates with or
 * without a year ("le 7 mars 2022", "March 9"), weekdays ("lundi", "on Tuesday": the last such day up to the report's),
 * and days relative to the report ("hier", "yesterday").
 */
final class Dates {

    /** A date found in the text: the day, the words that gave it and why. */
    record Found(LocalDate date, int start, int end, String reasoning) {
    }

    private Dates() {
    }

    /**
     * The first date expression in folded [start, end), resolved against the day of the report, or null.
     *
     * @param reportDay the day the report was written, in its publisher's time zone
     * @param reportCue how that day is known, for the reasoning ("a report of Wednesday 2022-01-12 +08:00")
     */
    static Found first(String text, String folded, int start, int end, Lexicon lexicon, LocalDate reportDay,
            String reportCue) {
        Found best = null;
        for (java.util.regex.Pattern pattern : lexicon.datePatterns) {
            Matcher m = pattern.matcher(folded).region(start, end);
            while (m.find()) {
                if (m.end() == m.start()) {
                    continue;
                }
                Found found = resolve(m, text, lexicon, reportDay, reportCue);
                if (found != null && (best == null || found.start() < best.start()
                        || found.start() == best.start() && found.end() > best.end())) {
                    best = found;
                }
                if (found != null) {
                    break;
                }
            }
        }
        return best;
    }

    private static Found resolve(Matcher m, String text, Lexicon lexicon, LocalDate reportDay, String reportCue) {
        String words = text.substring(m.start(), m.end());
        String day = group(m, "day");
        String month = group(m, "month");
        String weekday = group(m, "weekday");
        String relative = group(m, "relative");
        if (day != null && month != null) {
            Integer monthNumber = lexicon.months.get(Fold.phrase(month));
            if (monthNumber == null) {
                return null;
            }
            String year = group(m, "year");
            try {
                LocalDate date;
                String why;
                if (year != null) {
                    date = LocalDate.of(Integer.parseInt(year), monthNumber, Integer.parseInt(day));
                    why = "'" + words + "': " + date;
                } else if (reportDay == null) {
                    return null;
                } else {
                    date = nearest(reportDay, monthNumber, Integer.parseInt(day));
                    why = "'" + words + "' without a year, nearest to " + reportCue + ": " + date;
                }
                if (weekday != null) {
                    DayOfWeek said = weekday(lexicon, weekday);
                    if (said != null && said != date.getDayOfWeek()) {
                        why += " (the text says " + name(said) + ", but that day is a " + name(date.getDayOfWeek())
                                + ")";
                    }
                }
                return new Found(date, m.start(), m.end(), why);
            } catch (DateTimeException | NumberFormatException e) {
                return null; // "31 février" is no date
            }
        }
        if (reportDay == null) {
            return null;
        }
        if (weekday != null) {
            DayOfWeek said = weekday(lexicon, weekday);
            if (said == null) {
                return null;
            }
            LocalDate date = reportDay.with(TemporalAdjusters.previousOrSame(said));
            return new Found(date, m.start(), m.end(), "'" + words + "' " + (date.equals(reportDay) ? "the day of "
                    : "before ") + reportCue + ": " + name(said) + " " + date);
        }
        if (relative != null) {
            Integer days = lexicon.relativeDays.get(Fold.phrase(relative));
            if (days == null) {
                return null;
            }
            LocalDate date = reportDay.plusDays(days);
            return new Found(date, m.start(), m.end(), "'" + words + "' in " + reportCue + ": " + name(
                    date.getDayOfWeek()) + " " + date);
        }
        return null;
    }

    /**
     * The day a dateline gives ("BEIJING, 10 janvier (Xinhua) --": its groups {@code day} or {@code day2},
     * {@code month} or {@code month2}, {@code year}), the year nearest the report's day when it has none; or null.
     */
    static LocalDate dateline(Matcher m, Lexicon lexicon, LocalDate reportDay) {
        String day = group(m, "day") != null ? group(m, "day") : group(m, "day2");
        String month = group(m, "month") != null ? group(m, "month") : group(m, "month2");
        Integer monthNumber = month == null ? null : lexicon.months.get(Fold.phrase(month));
        if (day == null || monthNumber == null) {
            return null;
        }
        try {
            String year = group(m, "year");
            if (year != null) {
                return LocalDate.of(Integer.parseInt(year), monthNumber, Integer.parseInt(day));
            }
            return reportDay == null ? null : nearest(reportDay, monthNumber, Integer.parseInt(day));
        } catch (DateTimeException | NumberFormatException e) {
            return null; // "31 février" is no day
        }
    }

    /** The day of that month closest to the report's day: "March 9" in a report of January is last March's. */
    static LocalDate nearest(LocalDate reportDay, int month, int day) {
        LocalDate best = null;
        for (int year = reportDay.getYear() - 1; year <= reportDay.getYear() + 1; year++) {
            try {
                LocalDate candidate = LocalDate.of(year, month, day);
                if (best == null || Math.abs(candidate.toEpochDay() - reportDay.toEpochDay())
                        < Math.abs(best.toEpochDay() - reportDay.toEpochDay())) {
                    best = candidate;
                }
            } catch (DateTimeException e) {
                // 29 February of a common year
            }
        }
        if (best == null) {
            throw new DateTimeException("no such day");
        }
        return best;
    }

    private static DayOfWeek weekday(Lexicon lexicon, String word) {
        int index = lexicon.weekdays.indexOf(Fold.phrase(word));
        return index < 0 ? null : DayOfWeek.of(index + 1);
    }

    static String name(DayOfWeek day) {
        return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    private static String group(Matcher m, String name) {
        try {
            return m.group(name);
        } catch (IllegalArgumentException e) {
            return null; // the pattern has no such group
        }
    }
}
