/**
 * Revisions of records (Hibernate Envers): the editor of each revision, a record as it stood at a moment (asOf),
 * the revisions of a record, and a touch that gives records showing a changed record a revision of their own.
 * Depends on problem, store and web; the collections use it, and the change feed (changes) reads it.
 */
package org.parley.history;
