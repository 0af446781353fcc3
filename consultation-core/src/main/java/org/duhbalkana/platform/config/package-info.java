/**
 * The platform's configuration keys, their defaults and the rules that check them, so that a
 * malformed value stops start-up with one line that names the key.
 */
package org.duhbalkana.platform.config;
