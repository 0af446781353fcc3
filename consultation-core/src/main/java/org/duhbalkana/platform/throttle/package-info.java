/** Slowing down guessing and flooding: attempts counted per hashed subject, in the database. */
package org.duhbalkana.platform.throttle;
