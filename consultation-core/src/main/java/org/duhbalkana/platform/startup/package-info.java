/**
 * What happens when the application is deployed: configuration checked, database reached,
 * schema migrated, or one clear line saying why not.
 */
package org.duhbalkana.platform.startup;
