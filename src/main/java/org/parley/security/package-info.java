/**
 * Who may write: the editor role, HTTP Basic editors from configuration and their identity provider. Depends on
 * nothing of Parley's.
 */
package org.parley.security;
