package org.duhbalkana.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request the API cannot use: 400 (or the status given) with a JSON body naming the parameter at
 * fault, {@code {"parameter":"municipalityId","error":"<sentence>"}}. The sentence is written by
 * {@link ApiErrors} in the language the client asks for ({@code Accept-Language}), from a key of the
 * site's message bundle ({@code api.error.*}, {@code validation.*}): no raw key ever reaches a client.
 * The exception carries no entity of its own, so that the mapper writes it.
 */
public class BadParameter extends WebApplicationException {

    private static final long serialVersionUID = 1L;

    /** Sentences resources used to pass in English, read as the keys that say them in every language. */
    private static final List<Map.Entry<Pattern, String>> LEGACY = List.of(
            Map.entry(Pattern.compile("must be one of \\[(.*)]"), "api.error.oneOf"),
            Map.entry(Pattern.compile("must be a whole number from (-?\\d+) to (-?\\d+)"), "api.error.wholeNumberFrom"),
            Map.entry(Pattern.compile("must be at most (\\d+) characters"), "api.error.tooLong"),
            Map.entry(Pattern.compile("give at least one word of two letters or more"), "api.error.searchWords"),
            Map.entry(Pattern.compile("must be a cursor returned as nextCursor"), "api.error.cursor"),
            Map.entry(Pattern.compile("is required"), "api.error.required"),
            Map.entry(Pattern.compile("must be a JSON object"), "api.error.jsonObject"),
            Map.entry(Pattern.compile("must be a string"), "api.error.string"),
            Map.entry(Pattern.compile("must be a whole number"), "api.error.wholeNumber"),
            Map.entry(Pattern.compile("must be true or false"), "api.error.booleanValue"));

    /** What was not found, and the parameter that named it. */
    private static final Map<String, String> NOT_FOUND_PARAMETER = Map.of(
            "campaign", "slug", "petition", "slug", "consultation", "slug", "published report", "slug", "attachment", "id");

    private final transient Optional<String> parameter;
    private final String key;
    private final transient Object[] arguments;

    /**
     * @param problem a key of the message bundle ({@code api.error.…}, {@code validation.…}), or one of
     *                the English sentences resources used before (read as its key)
     */
    public BadParameter(String parameter, String problem) {
        this(Response.Status.BAD_REQUEST, parameter, problem, new Object[0]);
    }

    /** 400 naming the parameter, the problem as a key of the message bundle with its arguments. */
    public BadParameter(String parameter, String key, Object... arguments) {
        this(Response.Status.BAD_REQUEST, parameter, key, arguments);
    }

    BadParameter(Response.Status status, String parameter, String problem, Object[] arguments) {
        super(Response.status(status).build());
        this.parameter = Optional.ofNullable(parameter);
        Object[][] found = new Object[1][];
        this.key = keyOf(problem, found);
        this.arguments = found[0] != null ? found[0] : arguments;
    }

    private static String keyOf(String problem, Object[][] arguments) {
        if (problem == null) {
            return "api.error.invalid";
        }
        for (Map.Entry<Pattern, String> legacy : LEGACY) {
            Matcher m = legacy.getKey().matcher(problem);
            if (m.matches()) {
                Object[] groups = new Object[m.groupCount()];
                for (int i = 0; i < groups.length; i++) {
                    groups[i] = m.group(i + 1);
                }
                arguments[0] = groups;
                return legacy.getValue();
            }
        }
        // a key has no spaces; any other sentence is not shown as such (it would be English only)
        return problem.matches("[a-zA-Z]+(\\.[a-zA-Z0-9]+)+") ? problem : "api.error.invalid";
    }

    /** The parameter at fault, if the problem is with one. */
    public Optional<String> parameter() {
        return parameter;
    }

    /** The bundle key of the sentence that says what is wrong. */
    public String key() {
        return key;
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    /** 404 with a JSON body that says what was not found, in the client's language. */
    public static WebApplicationException notFound(String what) {
        String thing = what == null ? "resource" : what.strip();
        String key = "api.error.notFound." + switch (thing) {
            case "campaign", "petition", "consultation", "attachment" -> thing;
            case "published report" -> "report";
            default -> "resource";
        };
        return new BadParameter(Response.Status.NOT_FOUND, NOT_FOUND_PARAMETER.get(thing), key, new Object[0]);
    }

    /** An answer about the request as a whole (no single parameter at fault), such as 409. */
    static BadParameter status(Response.Status status, String key) {
        return new BadParameter(status, null, key, new Object[0]);
    }

    static int integer(String parameter, String value, int min, int max, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadParameter(parameter, "api.error.wholeNumberFrom", Integer.toString(min), Integer.toString(max));
    }
}
