/**
 * Where a request really comes from when the site runs behind a reverse proxy: the trusted
 * proxies ({@code TRUSTED_PROXIES}), the forwarding headers they add, and the address every
 * per-address limit counts by (an IPv6 client by its /64).
 */
package org.duhbalkana.platform.network;
