/**
 * Topics, the lowest of the four collections: entity, repository, service, resource and request/response records.
 * A topic's record operations come from web.RecordResource; this package says only what is its own (its list, its
 * texts). Depends on store, web, history (revisions) and the packages below them.
 */
package org.parley.topic;
