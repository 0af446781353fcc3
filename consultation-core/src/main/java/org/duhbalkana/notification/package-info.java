/** Mail in the recipient's language: written with the action, sent after it commits, retried. */
package org.duhbalkana.notification;
