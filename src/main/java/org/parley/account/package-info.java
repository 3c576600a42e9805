/**
 * Curators' accounts kept in the database, so that each curator signs in under their own name and revisions and the
 * change feed name them: the entity, the view of enabled accounts that signing in reads (quarkus-security-jpa, bcrypt
 * hashes), the service and resource administrators manage them through, the signed-in user, and signing out of the
 * sign-in form's session. Depends on security, problem, store (a rendered body for merge patches) and web.
 */
package org.parley.account;
