/** Health checks reported by MicroProfile Health at {@code /health}. */
package org.duhbalkana.platform.health;
