package org.duhbalkana.platform;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/**
 * Where the current request comes from (the client's network address), set by the web module
 * for every request, read by throttling and the audit log. Outside a request it is empty.
 */
@RequestScoped
public class RequestOrigin {

    private String address;

    public Optional<String> address() {
        return Optional.ofNullable(address);
    }

    public void address(String address) {
        this.address = address;
    }
}
