/** Fixtures of the running-application tests: the site on Payara Micro, and headless Chromium. */
package org.duhbalkana.web.testing;
