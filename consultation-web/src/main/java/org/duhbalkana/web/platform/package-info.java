/**
 * What every page shares: the language of the request and the switcher, security headers,
 * the site's own settings, and the start-up announcement.
 */
package org.duhbalkana.web.platform;
