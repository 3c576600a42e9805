package org.parley.web;

import java.util.ServiceLoader;

/**
 * What the OpenAPI document says of one collection's record operations ({@link RecordResource}) that is its own:
 * the texts that name it. The rest (operation ids, summaries such as "Replace a topic", the merge-patch wording, the
 * id parameter, the response schema) follows from the noun, as it did when each resource wrote them out.
 *
 * <p>Each collection's resource holds one as a nested class, listed in
 * {@code META-INF/services/org.parley.web.RecordApi}: {@link OpenApiFilter} sees the document, not the resources, and
 * finds them with the {@link ServiceLoader}.
 */
public abstract class RecordApi {

    final String path;
    final String noun;
    final Class<?> response;
    boolean history;
    String readSummary;
    String readDescription;
    String createDescription;
    String replaceDescription;
    String stored;
    String deleteSummary;
    String deleteDescription;
    String deleted = "Deleted";
    boolean conflictOnDelete;

    /**
     * @param path the collection's path, as its resource's {@code @Path}
     * @param noun one record, in lowercase: "event"
     * @param response what a read answers, for the response schemas
     */
    protected RecordApi(String path, String noun, Class<?> response) {
        this.path = path;
        this.noun = noun;
        this.response = response;
        this.stored = "The " + noun + " as stored";
    }

    /** Reads take {@code asOf} and answer with {@code Memento-Datetime}: the collection keeps revisions. */
    protected RecordApi history() {
        history = true;
        return this;
    }

    protected RecordApi read(String summary, String description) {
        readSummary = summary;
        readDescription = description;
        return this;
    }

    protected RecordApi create(String description) {
        createDescription = description;
        return this;
    }

    /** What a replacement ignores, and the 200 of a replace or patch when it says more than "The event as stored". */
    protected RecordApi replace(String description, String stored) {
        replaceDescription = description;
        this.stored = stored != null ? stored : this.stored;
        return this;
    }

    /** A deletion that a record still referred to refuses (409). */
    protected RecordApi delete(String summary, String description) {
        deleteSummary = summary;
        deleteDescription = description;
        conflictOnDelete = true;
        return this;
    }

    /** A deletion that takes what depends on the record with it, and so never refuses. */
    protected RecordApi deleteWith(String summary, String description, String deleted) {
        deleteSummary = summary;
        deleteDescription = description;
        this.deleted = deleted;
        return this;
    }

    /** Whether reads take {@code asOf}. */
    public boolean keepsHistory() {
        return history;
    }

    /** "a topic", "an event". */
    String withArticle() {
        return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }

    /** "Topic", for operation ids and the id parameter. */
    String capitalized() {
        return Character.toUpperCase(noun.charAt(0)) + noun.substring(1);
    }
}
