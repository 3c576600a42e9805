/**
 * What a failure the client can act on is: the RFC 9457 {@link org.parley.problem.Problem}, the
 * {@link org.parley.problem.ProblemException} services throw and the {@link org.parley.problem.Violation}s it
 * names. Depends on nothing of Parley's; below the store and the collections so that they can fail in the client's
 * terms without knowing how the HTTP edge writes the response (that is the web package's ProblemMappers).
 */
package org.parley.problem;

