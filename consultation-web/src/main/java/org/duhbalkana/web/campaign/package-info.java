/** The pages of campaigns and petitions: the list, a campaign with its signing form, the mailed link, the organizer's editor. */
package org.duhbalkana.web.campaign;
