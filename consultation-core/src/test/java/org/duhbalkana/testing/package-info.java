/** Test fixtures shared by the modules' tests: fresh databases and the persistence unit outside a server. */
package org.duhbalkana.testing;
