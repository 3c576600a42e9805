package org.parley.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.parley.store.DatabaseRole;
import org.parley.store.Filter;
import org.parley.store.Rows;

/**
 * Keeps the word index of statements and events, and turns a {@code q} parameter into index look-ups.
 *
 * <p>Written by hand because the two databases search text differently (PostgreSQL full-text search with unaccent,
 * H2's Lucene-based full-text search) and Quarkus' Hibernate Search needs an Elasticsearch server; a term table
 * queried through its primary-key index gives the same answers on both, without scanning. Lucene supplies the
 * stemmers (see {@link SearchTerms}).
 *
 * <p>Each clause of a query is one condition of the list's query, so that it composes with every other filter, count,
 * cursor, export and statistic: a word (its terms in every language) or a prefix keeps the ids a look-up of the term
 * index gives ({@code r.id in (select ...)}, which both databases answer from the index: PostgreSQL as a semi-join,
 * H2 by looking the ids up in the primary key); a phrase adds its words so, then checks the stems of the records they
 * found ({@code exists}, by primary key). A join of the term table would repeat a record that has several of a
 * word's terms (its forms in its text and in its translation), and a join of grouped look-ups left PostgreSQL's
 * planner blind (seconds on 100,000 statements). H2 evaluates such a subquery again for each row it checks while
 * another transaction has changed the term table (a word search took seconds under a write load when the index was
 * joined the same way); not measured since.
 *
 * <p>The index has two forms, one per database (migration V21). On H2, a row per term and record, under a B-tree: an
 * event's in the term table {@code event_term}; a statement's as its posting, a single number (migration V24, where
 * a table with a composite key took three B-trees a row): the term's number in {@link Word} times {@link #WORD_SPAN}
 * plus the statement's id, so that a term's statements are one range of the postings and its weight in one statement
 * one key. On PostgreSQL, a record's terms and weights are two arrays on one row, under a GIN index: one entry
 * per record instead of some twenty rows (a bulk import wrote the terms of 100,000 statements in 1.1 s instead of
 * 6.7 s), and a statement search is a single look-up with every word of the query, which the GIN index answers as
 * one bitmap; a prefix is first looked up among the distinct terms (table {@code search_term}). A statement's entry
 * (its stems, and its arrays) is on the statement's own row (migration V23); an event's on a stems row of its own.
 */
@ApplicationScoped
public class SearchIndex {

    /**
     * How a kind of record reaches rows of the word index that hold its words, as HQL templates over the record
     * {@code r}, where {@code %s} is a condition on a term row {@code t} ({@code ids}, {@code weight}) or on a row
     * {@code x} holding stems ({@code phrase}).
     *
     * @param ids    the ids of the records having a term meeting the condition
     * @param weight the best weight of such a term in record {@code r}
     * @param phrase a row of {@code r}'s stems meeting the condition
     */
    private record Words(String ids, String weight, String phrase) {
    }

    /**
     * What a word's number is multiplied by in a statement's posting (migration V24): statement ids stay below it, and
     * words' numbers below 2^31, so that a posting fits a bigint.
     */
    public static final long WORD_SPAN = 1L << 32;

    /** HQL: the first posting of a word {@code t}, that of statement 0. */
    private static final String FIRST_POSTING = "t.id * " + WORD_SPAN + "L";

    /** HQL: the postings {@code p} of the words {@code t} that a condition keeps (a range of postings per word). */
    private static final String POSTINGS = "StatementPosting p, Word t where (%s) and p.posting >= " + FIRST_POSTING
            + " and p.posting < " + FIRST_POSTING + " + " + WORD_SPAN + "L";

    /** HQL: the posting of a word {@code t} in statement {@code id}. */
    private static String posting(String id) {
        return "p.posting = " + FIRST_POSTING + " + " + id;
    }

    /** The posting of a word, by its number, in a statement (see {@link #WORD_SPAN}). */
    private static long posting(long word, long statement) {
        if (word < 0 || word >= WORD_SPAN / 2 || statement < 0 || statement >= WORD_SPAN) {
            throw new IllegalStateException("word " + word + " of statement " + statement
                    + " is beyond what H2's word index keys hold");
        }
        return word * WORD_SPAN + statement;
    }

    /** A statement's own words: its text and its translation. */
    private static final List<Words> STATEMENTS = List.of(new Words(
            "select p.posting - " + FIRST_POSTING + " from " + POSTINGS,
            "select max(p.weight) from StatementPosting p, Word t where (%s) and " + posting("r.id"),
            "select 1 from Statement x where x.id = r.id and (%s)"));

    /**
     * An event's words: its own (title and summary), and those of its statements, found through the statements'
     * entries rather than copied into the event's (a copy was 40 % of the index's rows, written again whenever a
     * statement changed).
     */
    private static List<Words> events(String statementsAlso) {
        return List.of(new Words(
                "select t.eventId from EventTerm t where %s",
                "select max(t.weight) from EventTerm t where t.eventId = r.id and (%s)",
                "select 1 from EventStems x where x.eventId = r.id and (%s)"), new Words(
                "select x.event.id from Statement x where x.id in (select p.posting - " + FIRST_POSTING + " from "
                        + POSTINGS + ")" + statementsAlso,
                "select max(p.weight) from Statement s, StatementPosting p, Word t where s.event.id = r.id and (%s)"
                        + " and " + posting("s.id"),
                "select 1 from Statement x where x.event.id = r.id and (%s)"));
    }

    /**
     * How a kind of record reaches the rows that hold its entries in PostgreSQL's form, as HQL templates over the
     * record {@code r}, where {@code %s} is a condition on such a row {@code x} ({@code ids}) or an expression over it
     * ({@code weight}): an event's stems row, or one of its statements.
     *
     * @param ids    the ids of the records having a row meeting the condition
     * @param weight the greatest value of the expression over the rows of {@code r}
     */
    private record Entries(String ids, String weight) {
    }

    private static List<Entries> eventEntries(String statementsAlso) {
        return List.of(new Entries(
                "select x.eventId from EventStems x where %s",
                "select max(%s) from EventStems x where x.eventId = r.id"), new Entries(
                "select x.event.id from Statement x where %s" + statementsAlso,
                "select max(%s) from Statement x where x.event.id = r.id"));
    }

    /** Letters of a word that most texts of its language have ("the", "les", "и"): see {@link #matchEntries}. */
    private static final int SHORT_WORD = 3;

    private final EntityManager entityManager;
    /** PostgreSQL's form of the index: terms in arrays (see the class comment). */
    private final boolean arrays;

    public SearchIndex(EntityManager entityManager,
            DatabaseRole database) {
        this.entityManager = entityManager;
        this.arrays = database.postgres();
    }

    /**
     * Adds to a statement filter: every clause of the query matches the statement's text or translation; and the
     * statement's score for the query (see {@link #match}).
     */
    public void matchStatements(Filter filter, SearchQuery query) {
        if (arrays) {
            matchEntries(filter, query, null);
        } else {
            match(filter, query, STATEMENTS);
        }
    }

    /**
     * Adds to an event filter: every clause matches the title, the summary or one of its statements. The
     * statements looked up may be narrowed by {@code statementsAlso}, HQL conditions on a statement {@code x} that
     * every statement of a matching event meets (" and x.eventDate >= :from": a statement has its event's date), so
     * that a common word is not looked up in the statements of every year; or "".
     */
    public void matchEvents(Filter filter, SearchQuery query, String statementsAlso) {
        if (arrays) {
            matchEntries(filter, query, eventEntries(statementsAlso));
        } else {
            match(filter, query, events(statementsAlso));
        }
    }

    /**
     * {@link #match} in PostgreSQL's form: each clause a condition on one row holding an entry (a word or a prefix:
     * the row's terms overlap the word's; a phrase: its words so, and one of the row's stem sequences matches it). A
     * statement's entry is on its own row ({@code entries} null): every clause a condition on {@code r}, which
     * PostgreSQL answers from the GIN index as one bitmap, combined with the bitmaps of the other conditions before a
     * row is read, and the score read from it; an event's clauses may each be met by another of its rows (its own,
     * its statements'), so each is a look-up of its own.
     */
    private void matchEntries(Filter filter, SearchQuery query, List<Entries> entries) {
        String x = entries == null ? "r" : "x";
        List<String> conditions = new ArrayList<>();
        List<String> weights = new ArrayList<>();
        int n = 0;
        for (SearchQuery.Clause clause : query.clauses()) {
            List<String> parts = new ArrayList<>();
            // the words that the GIN index looks up and the score counts: not a phrase's short words ("the", "la"),
            // which most records have and its stems pattern checks anyway, unless it has no other
            Set<Set<String>> looked = new LinkedHashSet<>();
            if (clause instanceof SearchQuery.Word word) {
                looked.add(word.terms());
            } else if (clause instanceof SearchQuery.Prefix prefix) {
                looked.add(expand(prefix.starts()));
            } else if (clause instanceof SearchQuery.Phrase phrase) {
                phrase.words().stream().filter(word -> SearchTerms.folded(word.word()).length() > SHORT_WORD)
                        .forEach(word -> looked.add(word.terms()));
                if (looked.isEmpty()) {
                    phrase.words().forEach(word -> looked.add(word.terms()));
                }
                parts.add("(" + phraseOf(filter, "q" + n++, phrase, x) + ")");
            }
            for (Set<String> terms : looked) {
                String name = "q" + n++;
                filter.param(name, terms.toArray(String[]::new));
                parts.add(0, "array_overlaps(%s.terms, :%s)".formatted(x, name));
                String weight = "cast(function('word_weight', %1$s.terms, %1$s.weights, :%2$s) as Integer)"
                        .formatted(x, name);
                weights.add(entries == null ? weight : "greatest(" + String.join(", ", entries.stream()
                        .map(e -> "coalesce((" + e.weight().formatted(weight) + "), 0)").toList()) + ")");
            }
            conditions.add(String.join(" and ", parts));
        }
        if (entries == null) {
            conditions.forEach(filter::where);
        } else {
            for (String condition : conditions) {
                filter.where("r.id in (" + String.join(" union ", entries.stream()
                        .map(e -> e.ids().formatted(condition)).toList()) + ")");
            }
        }
        filter.score(String.join(" + ", weights));
    }

    /** The terms of the index that start with one of these: a range of the distinct terms' index per start. */
    private Set<String> expand(Set<String> starts) {
        Map<String, Object> parameters = new HashMap<>();
        var look = entityManager.createNativeQuery("select distinct t.term from search_term t where "
                + startingWith("p", starts, parameters::put), String.class);
        parameters.forEach(look::setParameter);
        return new TreeSet<String>(look.getResultList());
    }

    /** The first string after every string that starts with {@code start}. */
    private static String after(String start) {
        return start.substring(0, start.length() - 1) + (char) (start.charAt(start.length() - 1) + 1);
    }

    /**
     * Adds a condition per word (and per word of each phrase) and per phrase, and sets the filter's score: the
     * sum over the words of the best weight their terms have in the record (BM25's term part, see
     * {@link SearchTerms#weight}; without BM25's inverse document frequency, which would take a count per term and
     * query; for an event, the best of its own texts' and its statements'). The score is a subquery per word,
     * computed only for an order by relevance.
     */
    private static void match(Filter filter, SearchQuery query, List<Words> words) {
        List<String> weights = new ArrayList<>();
        int n = 0;
        for (SearchQuery.Clause clause : query.clauses()) {
            if (clause instanceof SearchQuery.Word word) {
                weights.add(having(filter, words, "q" + n++, word.terms()));
            } else if (clause instanceof SearchQuery.Prefix prefix) {
                weights.add(havingPrefix(filter, words, "q" + n++, prefix.starts()));
            } else if (clause instanceof SearchQuery.Phrase phrase) {
                Set<Set<String>> distinct = new LinkedHashSet<>();
                phrase.words().forEach(word -> distinct.add(word.terms()));
                for (Set<String> terms : distinct) {
                    weights.add(having(filter, words, "q" + n++, terms));
                }
                // checked on the records the words found, not on every record's stems (a join let H2 scan them all)
                String condition = phraseOf(filter, "q" + n++, phrase, "x");
                filter.where("(" + String.join(" or ", words.stream()
                        .map(w -> "exists (" + w.phrase().formatted(condition) + ")").toList()) + ")");
            }
        }
        filter.score(String.join(" + ", weights));
    }

    /**
     * Keeps the records having one of these terms: the ids the term index gives for them (a semi-join, so a record
     * with several of the terms counts once). Returns the record's weight for them.
     */
    private static String having(Filter filter, List<Words> words, String alias, Set<String> terms) {
        filter.param(alias, List.copyOf(terms));
        return havingTerms(filter, words, "t.term in :" + alias);
    }

    /**
     * Keeps the records having a term that starts with one of these: a range of the term index per start (the
     * {@code like} only confirms what the range found, whatever the database's collation).
     */
    private static String havingPrefix(Filter filter, List<Words> words, String alias, Set<String> starts) {
        return havingTerms(filter, words, startingWith(alias, starts, filter::param));
    }

    /**
     * A condition on a term {@code t.term} (in HQL and in SQL alike): it starts with one of these, a range of the
     * term's index per start (the {@code like} only confirms what the range found, whatever the collation). Its
     * parameters, named after {@code alias}, go to {@code param}.
     */
    private static String startingWith(String alias, Set<String> starts, BiConsumer<String, Object> param) {
        List<String> ranges = new ArrayList<>();
        int i = 0;
        for (String start : starts) {
            String name = alias + "s" + i++;
            ranges.add("(t.term >= :%1$sa and t.term < :%1$sb and t.term like :%1$sc)".formatted(name));
            param.accept(name + "a", start);
            param.accept(name + "b", after(start));
            param.accept(name + "c", start + "%");
        }
        return String.join(" or ", ranges);
    }

    /**
     * A condition on a row {@code row} holding stems: one of its sequences matches one of the phrase's patterns. Its
     * parameters, named after {@code alias}, are added to the filter.
     */
    private static String phraseOf(Filter filter, String alias, SearchQuery.Phrase phrase, String row) {
        List<String> likes = new ArrayList<>();
        int i = 0;
        for (String pattern : phrase.patterns()) {
            String name = alias + "p" + i++;
            likes.add(row + ".stems like :" + name);
            filter.param(name, pattern);
        }
        return String.join(" or ", likes);
    }

    /**
     * Keeps the records with a term meeting the condition (on the term row {@code t}), and returns their best weight
     * among those terms, for the score.
     */
    private static String havingTerms(Filter filter, List<Words> words, String condition) {
        filter.where("r.id in (" + String.join(" union ", words.stream()
                .map(w -> w.ids().formatted(condition)).toList()) + ")");
        List<String> weights = words.stream().map(w -> "coalesce((" + w.weight().formatted(condition) + "), 0)")
                .toList();
        return weights.size() == 1 ? weights.get(0) : "greatest(" + String.join(", ", weights) + ")";
    }

    /**
     * The columns of new statements' rows that hold their entries in the index, for a set-based insert ({@link Rows})
     * that writes the entries with the rows (then {@link #indexNewStatements}): the stems, the terms in term order
     * (on H2 what removing the statement's postings reads), and on PostgreSQL their weights. The index takes entries
     * rather than statements, so that it knows no feature: the statement package says what a statement's texts are.
     */
    public List<Rows.Column> statementColumns(List<SearchTerms.Indexed> entries) {
        List<Rows.Column> columns = new ArrayList<>();
        columns.add(Rows.column("stems", "varchar", entries, SearchTerms.Indexed::stems));
        List<SortedMap<String, Integer>> sorted = entries.stream().map(SearchIndex::inTermOrder).toList();
        columns.add(Rows.column("terms", "varchar array", sorted, SortedMap::keySet));
        if (arrays) {
            columns.add(Rows.column("weights", "integer array", sorted, SortedMap::values));
        }
        return columns;
    }

    /**
     * The HQL condition that a statement {@code alias} has no entry in the index yet (a bulk load writes rows without
     * one): its stems on H2, its terms on PostgreSQL, where a partial index lists them (migration V23_1).
     */
    public String unindexedStatement(String alias) {
        return alias + (arrays ? ".terms" : ".stems") + " is null";
    }

    /**
     * Replaces the index entries of statements, each id with what its texts give (see {@link SearchTerms#index}): the
     * entry on the statement's row, and on H2 its postings.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void indexStatements(Map<Long, SearchTerms.Indexed> entries) {
        write(entries, (connection, chunk) -> {
            if (!arrays) {
                forgetPostings(connection, chunk);
                writePostings(connection, chunk, entries);
            }
            updateStatements(connection, chunk, entries);
        });
    }

    /**
     * Indexes statements created in this transaction whose rows were inserted with their entries
     * ({@link #statementColumns}): on H2 their postings; on PostgreSQL the distinct terms.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void indexNewStatements(Map<Long, SearchTerms.Indexed> entries) {
        write(entries, (connection, chunk) -> {
            if (!arrays) {
                writePostings(connection, chunk, entries);
            }
        });
    }

    /** Replaces the index entries of events; the event package gathers their texts (title and summary). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void indexEvents(Map<Long, SearchTerms.Indexed> entries) {
        write(entries, (connection, chunk) -> {
            forgetEvents(connection, chunk);
            if (arrays) {
                writeArrays(connection, chunk, entries);
            } else {
                writeEventTerms(connection, chunk, entries);
                Rows.insert(connection, "event_stems", Rows.column("event_id", "bigint", chunk, id -> id),
                        Rows.column("stems", "varchar", chunk, id -> entries.get(id).stems()));
            }
        });
    }

    /**
     * Removes statements from the index, before they are deleted: on H2 their postings (the index has no foreign
     * keys, see migration V19); on PostgreSQL their entries go with their rows.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forgetStatements(Collection<Long> ids) {
        if (!arrays) {
            inChunks(ids, SearchIndex::forgetPostings);
        }
    }

    /** Removes events from the index, before they are deleted (their statements: {@link #forgetStatements}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forgetEvents(Collection<Long> ids) {
        inChunks(ids, this::forgetEvents);
    }

    private void inChunks(Collection<Long> ids, ChunkWriter writer) {
        List<Long> all = new ArrayList<>(ids);
        entityManager.unwrap(Session.class).doWork(connection -> {
            for (int from = 0; from < all.size(); from += CHUNK) {
                writer.write(connection, all.subList(from, Math.min(all.size(), from + CHUNK)));
            }
        });
    }

    /** Deletes the term rows of these events (H2) and their stems rows: one statement a table. */
    private void forgetEvents(Connection connection, List<Long> ids) throws SQLException {
        List<String> tables = new ArrayList<>();
        if (!arrays) {
            tables.add("event_term");
        }
        tables.add("event_stems");
        for (String table : tables) {
            try (PreparedStatement delete = connection.prepareStatement(
                    "delete from " + table + " where event_id = any(cast(? as bigint array))")) {
                delete.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
                delete.executeUpdate();
            }
        }
    }

    /**
     * Deletes the postings of these statements (H2): those of the terms their rows list, under every number of each
     * term (see migration V24), as a batch of deletes by key.
     */
    private static void forgetPostings(Connection connection, List<Long> ids) throws SQLException {
        Map<Long, List<String>> termsOf = new HashMap<>();
        try (PreparedStatement read = connection.prepareStatement("select s.id, s.terms from statement s"
                + " join unnest(cast(? as bigint array)) as u(wanted) on s.id = u.wanted where s.terms is not null")) {
            read.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rows = read.executeQuery()) {
                while (rows.next()) {
                    termsOf.put(rows.getLong(1), Arrays.stream((Object[]) rows.getArray(2).getArray())
                            .map(String.class::cast).toList());
                }
            }
        }
        Map<String, List<Long>> numbers = wordNumbers(connection,
                termsOf.values().stream().flatMap(List::stream).collect(Collectors.toCollection(TreeSet::new)));
        try (PreparedStatement delete = connection.prepareStatement(
                "delete from statement_posting where posting = ?")) {
            for (Map.Entry<Long, List<String>> statement : termsOf.entrySet()) {
                for (String term : statement.getValue()) {
                    for (long number : numbers.getOrDefault(term, List.of())) {
                        delete.setLong(1, posting(number, statement.getKey()));
                        delete.addBatch();
                    }
                }
            }
            delete.executeBatch();
        }
    }

    /** Every number of each of these terms that {@link Word} has (a term added by two writes at once has two). */
    private static Map<String, List<Long>> wordNumbers(Connection connection, SortedSet<String> terms)
            throws SQLException {
        Map<String, List<Long>> numbers = new HashMap<>();
        try (PreparedStatement read = connection.prepareStatement("select w.term, w.id from word w"
                + " join unnest(cast(? as varchar array)) as u(wanted) on w.term = u.wanted")) {
            read.setArray(1, connection.createArrayOf("varchar", terms.toArray()));
            try (ResultSet rows = read.executeQuery()) {
                while (rows.next()) {
                    numbers.computeIfAbsent(rows.getString(1), t -> new ArrayList<>()).add(rows.getLong(2));
                }
            }
        }
        return numbers;
    }

    /**
     * H2's form of statements' entries: a posting per term and statement (see migration V24), inserted in the order
     * of their keys, after the terms new to {@link Word} are added. A term with several numbers takes its smallest.
     */
    private static void writePostings(Connection connection, List<Long> chunk, Map<Long, SearchTerms.Indexed> entries)
            throws SQLException {
        SortedSet<String> terms = new TreeSet<>();
        chunk.forEach(id -> terms.addAll(entries.get(id).terms().keySet()));
        Map<String, Long> number = new HashMap<>();
        wordNumbers(connection, terms).forEach((term, numbers) -> number.put(term, Collections.min(numbers)));
        List<String> added = terms.stream().filter(term -> !number.containsKey(term)).toList();
        if (!added.isEmpty()) {
            long[] ids = Rows.insertNew(connection, "word", "id", new String[] {"term"},
                    Rows.column("term", "varchar", added, term -> term));
            for (int i = 0; i < ids.length; i++) {
                number.put(added.get(i), ids[i]);
            }
        }
        record Posting(long posting, int weight) {
        }
        List<Posting> postings = new ArrayList<>();
        for (Long id : chunk) {
            entries.get(id).terms().forEach((term, weight) -> postings.add(
                    new Posting(posting(number.get(term), id), weight)));
        }
        postings.sort(Comparator.comparingLong(Posting::posting));
        Rows.insert(connection, "statement_posting", Rows.column("posting", "bigint", postings, Posting::posting),
                Rows.column("weight", "integer", postings, Posting::weight));
    }

    /** Records written by one statement of each kind: the arrays of one chunk stay a few megabytes. */
    private static final int CHUNK = 500;

    /** What writes the entries of one chunk of records. */
    private interface ChunkWriter {
        void write(Connection connection, List<Long> chunk) throws SQLException;
    }

    /**
     * Writes the entries of records, {@value #CHUNK} records at a time, with plain SQL in the form of the database:
     * never as managed entities, as a row deleted and inserted again in one transaction would clash in the
     * persistence context; set-based where rows are inserted ({@link Rows}): a bulk import of 20,000 statements spent
     * 40 s of its 73 s writing them in JDBC batches. On PostgreSQL the distinct terms learn the new ones first.
     */
    private void write(Map<Long, SearchTerms.Indexed> entries, ChunkWriter writer) {
        List<Long> ids = new ArrayList<>(entries.keySet());
        entityManager.flush();
        entityManager.unwrap(Session.class).doWork(connection -> {
            if (arrays) {
                know(connection, entries.values());
            }
            for (int from = 0; from < ids.size(); from += CHUNK) {
                writer.write(connection, ids.subList(from, Math.min(ids.size(), from + CHUNK)));
            }
        });
    }

    /** H2's form of events' entries: a term row per term and event, inserted in term order (that of its key). */
    private static void writeEventTerms(Connection connection, List<Long> chunk, Map<Long, SearchTerms.Indexed> entries)
            throws SQLException {
        record Entry(String term, long id, int weight) {
        }
        List<Entry> terms = new ArrayList<>();
        for (Long id : chunk) {
            entries.get(id).terms().forEach((term, weight) -> terms.add(new Entry(term, id, weight)));
        }
        terms.sort(Comparator.comparing(Entry::term).thenComparingLong(Entry::id));
        Rows.insert(connection, "event_term", Rows.column("term", "varchar", terms, Entry::term),
                Rows.column("event_id", "bigint", terms, Entry::id),
                Rows.column("weight", "integer", terms, Entry::weight));
    }

    /** PostgreSQL's form of an event's entry: a stems row with its terms in term order and their weights. */
    private static void writeArrays(Connection connection, List<Long> chunk, Map<Long, SearchTerms.Indexed> entries)
            throws SQLException {
        Map<Long, SortedMap<String, Integer>> sorted = new HashMap<>();
        for (Long id : chunk) {
            sorted.put(id, inTermOrder(entries.get(id)));
        }
        Rows.insert(connection, "event_stems", Rows.column("event_id", "bigint", chunk, id -> id),
                Rows.column("stems", "varchar", chunk, id -> entries.get(id).stems()),
                Rows.column("terms", "varchar array", chunk, id -> sorted.get(id).keySet()),
                Rows.column("weights", "integer array", chunk, id -> sorted.get(id).values()));
    }

    /**
     * Sets the entries of existing statements on their rows: their stems, and on PostgreSQL their terms in term order
     * and their weights. A JDBC batch: {@link Rows} inserts, and an update of a few rows at a time is what the
     * writes of the API and the backfill need.
     */
    private void updateStatements(Connection connection, List<Long> chunk, Map<Long, SearchTerms.Indexed> entries)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(arrays
                ? "update statement set stems = ?, terms = ?, weights = ? where id = ?"
                : "update statement set stems = ?, terms = ? where id = ?")) {
            for (Long id : chunk) {
                SearchTerms.Indexed entry = entries.get(id);
                SortedMap<String, Integer> sorted = inTermOrder(entry);
                update.setString(1, entry.stems());
                update.setArray(2, connection.createArrayOf("varchar", sorted.keySet().toArray()));
                if (arrays) {
                    update.setArray(3, connection.createArrayOf("integer", sorted.values().toArray()));
                }
                update.setLong(arrays ? 4 : 3, id);
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    /** An entry's terms with their weights in term order: the order of PostgreSQL's arrays. */
    private static SortedMap<String, Integer> inTermOrder(SearchTerms.Indexed entry) {
        return new TreeMap<>(entry.terms());
    }

    /**
     * Adds the terms of the entries that the distinct terms lack (PostgreSQL; see migration V21): in this
     * transaction, so that they are known when its records are, and without a unique key to wait on.
     */
    private static void know(Connection connection, Collection<SearchTerms.Indexed> entries) throws SQLException {
        SortedSet<String> terms = new TreeSet<>();
        entries.forEach(entry -> terms.addAll(entry.terms().keySet()));
        try (PreparedStatement insert = connection.prepareStatement("insert into search_term (term) select t from"
                + " unnest(cast(? as varchar array)) as u(t) where not exists (select 1 from search_term k"
                + " where k.term = u.t)")) {
            insert.setArray(1, connection.createArrayOf("varchar", terms.toArray()));
            insert.executeUpdate();
        }
    }
}
