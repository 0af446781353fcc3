/** The REST API: open data as JSON for people who build on the platform. */
package org.duhbalkana.api;
