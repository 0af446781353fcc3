package org.duhbalkana.testing;

import java.lang.reflect.Field;
import org.duhbalkana.account.Country;
import org.duhbalkana.account.Municipality;

/** Domain objects for tests without a database: ids set as the database would set them. */
public final class Fixtures {

    private Fixtures() {
    }

    /** A municipality with the id the database would have given it. */
    public static Municipality municipality(long id, String code, Country country, String latin, String cyrillic) {
        Municipality m = new Municipality(code, country, latin, cyrillic);
        setField(m, "id", id);
        return m;
    }

    /** Sets a private field, such as a generated id, as JPA would. */
    public static void setField(Object target, String field, Object value) {
        try {
            Field f = target.getClass().getDeclaredField(field);
            f.setAccessible(true);
            f.set(target, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
