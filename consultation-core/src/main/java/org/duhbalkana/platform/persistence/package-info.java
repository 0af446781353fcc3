/** Mapping helpers shared by every context's entities. */
package org.duhbalkana.platform.persistence;
