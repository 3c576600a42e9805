/**
 * Who may write and who may manage accounts: the role names, the editor account of the configuration (the bootstrap
 * administrator) with its identity providers for HTTP Basic, the sign-in form and its session cookie, and the
 * session cookie's key. The curators' accounts kept in the database are the account package's. Depends on nothing
 * of Parley's.
 */
package org.parley.security;
