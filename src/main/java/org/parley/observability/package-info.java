/**
 * Request ids and request metrics, for logs and Micrometer. Depends on nothing of Parley's.
 */
package org.parley.observability;
