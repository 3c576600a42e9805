/**
 * Request limits of the HTTP edge: body sizes, per-client rates and their configuration. Depends on web.
 */
package org.parley.limits;
