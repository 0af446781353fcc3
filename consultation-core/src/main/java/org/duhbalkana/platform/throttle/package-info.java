/**
 * Slowing down guessing and flooding: attempts counted per subject in the database, checked and
 * counted in one locked step; subjects kept only as keyed hashes, counters deleted when their window
 * ends.
 */
package org.duhbalkana.platform.throttle;
