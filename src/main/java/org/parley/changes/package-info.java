/**
 * The change feed: every write to any collection, in revision order, with the record as it stood after it. Sits
 * above the four collections, whose records it shows. Depends on history, the collections, store and web.
 */
package org.parley.changes;
