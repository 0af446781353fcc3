/**
 * The one database: the data source that serves H2 and MariaDB alike, the Flyway migrations
 * that own the schema, and the check that the database is there.
 */
package org.duhbalkana.platform.database;
