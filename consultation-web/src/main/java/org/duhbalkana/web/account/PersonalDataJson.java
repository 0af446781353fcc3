package org.duhbalkana.web.account;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import java.io.Writer;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Collection;
import org.duhbalkana.account.PersonalData;
import org.duhbalkana.web.platform.Jsons;

/**
 * The one place "Download my data" becomes JSON: {@link PersonalData} written as it is, every
 * component of every record under its own name (so whatever the record gains is in the download),
 * times in ISO 8601 UTC, an absent value as {@code null}.
 */
public final class PersonalDataJson {

    private PersonalDataJson() {
    }

    public static void write(PersonalData data, Writer out) {
        try (JsonWriter writer = Jsons.PROVIDER.createWriter(out)) {
            writer.writeObject(object(data).build());
        }
    }

    static JsonObjectBuilder object(Record record) {
        JsonObjectBuilder json = Jsons.PROVIDER.createObjectBuilder();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            try {
                json.add(component.getName(), value(component.getAccessor().invoke(record)));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return json;
    }

    private static JsonValue value(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof Record record) {
            return object(record).build();
        }
        if (value instanceof Collection<?> values) {
            JsonArrayBuilder array = Jsons.PROVIDER.createArrayBuilder();
            values.forEach(v -> array.add(value(v)));
            return array.build();
        }
        if (value instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Long || value instanceof Integer) {
            return Jsons.PROVIDER.createValue(((Number) value).longValue());
        }
        if (value instanceof Enum<?> e) {
            return Jsons.PROVIDER.createValue(e.name());
        }
        if (value instanceof Instant || value instanceof String) {
            return Jsons.PROVIDER.createValue(value.toString());
        }
        throw new IllegalArgumentException("no JSON form for " + value.getClass().getName());
    }
}
