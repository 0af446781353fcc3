/**
 * Advocacy: campaigns that organizers launch and moderators approve, their petitions, and the
 * signatures people give without an account, confirmed by a mailed link, counted in batches into
 * public totals, and anonymized a set time after the campaign closes.
 */
package org.duhbalkana.campaign;
