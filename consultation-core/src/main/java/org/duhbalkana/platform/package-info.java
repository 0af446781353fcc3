/**
 * What every context stands on: configuration, the database and its migrations, start-up,
 * health, and the launcher that runs the site on Payara Micro.
 */
package org.duhbalkana.platform;
