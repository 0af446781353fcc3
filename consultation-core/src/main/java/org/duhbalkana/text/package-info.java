/** Languages and scripts: Serbian in Latin and Cyrillic, Bulgarian and English. */
package org.duhbalkana.text;
