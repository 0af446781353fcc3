/**
 * The web module: backing beans named after the pages they serve, one package per context
 * ({@code web.platform} for what every page shares).
 */
package org.duhbalkana.web;
