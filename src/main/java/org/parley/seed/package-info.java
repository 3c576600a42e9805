/**
 * Loads the seed data file once at start-up, through the bulk import. Depends on bulk and store.
 */
package org.parley.seed;
