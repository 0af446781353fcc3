/**
 * Search across consultations (titles, summaries, articles), campaigns and comments, in any
 * script: every searchable text keeps a normalised form, matched by MariaDB's full-text index
 * (or, on the embedded H2 database, by scanning).
 */
package org.duhbalkana.search;
