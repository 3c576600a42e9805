/**
 * The CAMEO event codes: the code book as data and its read-only resource. Depends on problem and web; event uses
 * it to default and check an event's code.
 */
package org.parley.code;
