/** Starting the site on Payara Micro from a command line, with the configuration checked first. */
package org.duhbalkana.platform.launch;
