/**
 * Who acts on the platform and where: accounts, roles, and the municipalities of the
 * cross-border area they live in or answer for.
 */
package org.duhbalkana.account;
