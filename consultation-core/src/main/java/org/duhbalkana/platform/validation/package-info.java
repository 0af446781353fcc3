/**
 * Bean Validation constraints for what people type: names, e-mail addresses, passwords. Their
 * messages are keys ({@code {validation.…}}) that the web module shows in the reader's language.
 */
package org.duhbalkana.platform.validation;
