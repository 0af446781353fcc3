package org.duhbalkana.web.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.Singleton;
import jakarta.ejb.Stateless;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What a web session holds must travel through the data grid (issue 13: the WAR is
 * {@code <distributable/>}, and clustered Payara Micro keeps sessions in Hazelcast): every view- and
 * session-scoped bean of the web module is {@link Serializable}, and each of its fields is either
 * transient, a value that is serializable (collections and optionals looked into), or an injected
 * reference the container serializes itself (an EJB, a normal-scoped CDI bean's proxy).
 */
class SessionStateSerializableTest {

    @Test
    void everyViewAndSessionScopedBeanAndWhatItHoldsIsSerializable() throws Exception {
        List<Class<?>> beans = sessionBeans();
        assertThat(beans).as("the web module's view-scoped beans are found").hasSizeGreaterThanOrEqualTo(10);
        List<String> problems = new ArrayList<>();
        for (Class<?> bean : beans) {
            if (!Serializable.class.isAssignableFrom(bean)) {
                problems.add(bean.getName() + " is not Serializable");
            }
            for (Class<?> c = bean; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    int modifiers = field.getModifiers();
                    if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers)) {
                        continue;
                    }
                    String where = bean.getSimpleName() + "." + field.getName();
                    if (field.isAnnotationPresent(Inject.class) || field.isAnnotationPresent(jakarta.ejb.EJB.class)) {
                        if (!containerSerialized(field.getType())) {
                            problems.add(where + ": injected " + field.getType().getName() + " is neither an EJB, a normal-scoped bean nor Serializable");
                        }
                    } else {
                        checkValue(field.getGenericType(), where, problems);
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    private static boolean containerSerialized(Class<?> type) {
        return type.isAnnotationPresent(Stateless.class) || type.isAnnotationPresent(Singleton.class)
                || type.isAnnotationPresent(ApplicationScoped.class) || type.isAnnotationPresent(RequestScoped.class)
                || type.isAnnotationPresent(SessionScoped.class) || type.isAnnotationPresent(ViewScoped.class)
                || Serializable.class.isAssignableFrom(type) || type.getName().startsWith("jakarta.")
                && type.isInterface(); // container objects (FacesContext producers, Principal, …) are proxied
    }

    private static void checkValue(Type type, String where, List<String> problems) {
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            if (Collection.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw) || raw == Optional.class) {
                if (raw == Optional.class) {
                    problems.add(where + ": an Optional field is not Serializable");
                }
                for (Type argument : parameterized.getActualTypeArguments()) {
                    checkValue(argument, where, problems);
                }
                return;
            }
            checkValue(raw, where, problems);
            return;
        }
        if (type instanceof Class<?> c) {
            boolean fine = c.isPrimitive() || c.isEnum() || Serializable.class.isAssignableFrom(c)
                    || c.isInterface() && (Collection.class.isAssignableFrom(c) || Map.class.isAssignableFrom(c))
                    || c.isArray() && (c.getComponentType().isPrimitive() || Serializable.class.isAssignableFrom(c.getComponentType()));
            if (!fine) {
                problems.add(where + ": " + c.getName() + " is not Serializable");
            }
        }
    }

    /** The classes of the web module (target/classes) scoped to a view or a session. */
    private static List<Class<?>> sessionBeans() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(SessionStateSerializableTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolveSibling("classes");
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> c = Class.forName(name, false, SessionStateSerializableTest.class.getClassLoader());
                if (c.isAnnotationPresent(ViewScoped.class) || c.isAnnotationPresent(SessionScoped.class)) {
                    found.add(c);
                }
            }
        }
        return found;
    }
}
