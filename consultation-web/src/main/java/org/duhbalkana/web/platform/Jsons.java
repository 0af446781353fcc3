package org.duhbalkana.web.platform;

import jakarta.json.spi.JsonProvider;

/**
 * The JSON provider, looked up once. {@code Jsons.PROVIDER.createObjectBuilder()} and its kind look the
 * provider up on every call (a service-loader scan of the class path), which cost about a fifth
 * of the comments API's time under load.
 */
public final class Jsons {

    public static final JsonProvider PROVIDER = JsonProvider.provider();

    private Jsons() {
    }
}
