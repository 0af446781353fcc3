/** Time: one injectable clock, so that deadlines and expiry are tested without waiting. */
package org.duhbalkana.platform.time;
