package org.duhbalkana.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The pool's {@code isValid(0)} ("no limit" to MariaDB's driver) reaches the driver as
 * {@code isValid(DB_WAIT_SECONDS)}; every other call, and its failure, passes through unchanged.
 */
class BoundedValidationTest {

    private final List<Object> asked = new ArrayList<>();

    /** A driver's connection that records what it is asked. */
    private Connection driverConnection() {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    asked.add(method.getName() + (args == null ? "" : java.util.Arrays.toString(args)));
                    return switch (method.getName()) {
                        case "isValid" -> true;
                        case "getAutoCommit" -> throw new SQLException("Connection is closed", "08003");
                        case "hashCode" -> 1;
                        default -> null;
                    };
                });
    }

    @Test
    void anUnboundedValidationIsBoundedAndABoundedOneKept() throws SQLException {
        Connection connection = UrlDataSource.boundedValidation(driverConnection(), 5);

        assertThat(connection.isValid(0)).isTrue();
        assertThat(connection.isValid(2)).isTrue();
        connection.close();

        assertThat(asked).containsExactly("isValid[5]", "isValid[2]", "close");
    }

    @Test
    void failuresPassThroughAsTheDriverThrewThem() {
        Connection connection = UrlDataSource.boundedValidation(driverConnection(), 5);

        assertThatThrownBy(connection::getAutoCommit).isInstanceOf(SQLException.class).hasMessage("Connection is closed");
        assertThat(connection).isEqualTo(connection).isNotEqualTo(UrlDataSource.boundedValidation(driverConnection(), 5));
    }
}
