package org.duhbalkana.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The strict reading of a JSON request body: {@code application/json} in UTF-8 (charset UTF-8 or
 * none) or 415; a body over its limit is refused with 413, from its {@code Content-Length} before
 * anything is read, or (chunked) as soon as the limit is passed; bytes that are not UTF-8 are a 400.
 * Each error is a {@link WebApplicationException} without a body, that {@link ApiErrors} answers as JSON.
 */
final class JsonBodies {

    /**
     * The largest body the signing API reads: a signature is a few hundred bytes. Configured as
     * {@code API_BODY_LIMIT_BYTES} (default 16K).
     */
    static int signatureMaxBytes() {
        return org.duhbalkana.web.platform.Edges.settings().apiBodyLimitBytes();
    }

    /** The deepest nesting of arrays and objects a body may have: ours have one level. */
    static final int MAX_DEPTH = 20;

    private JsonBodies() {
    }

    /** The body as text, if it is JSON in UTF-8 of at most {@code maxBytes}. */
    static String read(InputStream body, String contentType, String contentLength, int maxBytes) {
        if (!isJson(contentType)) {
            throw new WebApplicationException(Response.Status.UNSUPPORTED_MEDIA_TYPE);
        }
        if (contentLength != null && !contentLength.isBlank()) {
            try {
                if (Long.parseLong(contentLength.strip()) > maxBytes) {
                    throw tooLarge();
                }
            } catch (NumberFormatException e) {
                throw new WebApplicationException(Response.Status.BAD_REQUEST);
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.min(maxBytes, 4096));
        if (body != null) {
            byte[] buffer = new byte[4096];
            try {
                for (int n; (n = body.read(buffer)) != -1; ) {
                    if (bytes.size() + n > maxBytes) {
                        throw tooLarge();
                    }
                    bytes.write(buffer, 0, n);
                }
            } catch (IOException e) {
                throw new WebApplicationException(Response.Status.BAD_REQUEST);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new BadParameter("body", "api.error.jsonObject");
        }
    }

    /** {@code application/json}, exactly, with no parameter but a UTF-8 charset. */
    static boolean isJson(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return false;
        }
        String[] parts = contentType.split(";");
        if (!parts[0].strip().equalsIgnoreCase(MediaType.APPLICATION_JSON)) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter.length != 2 || !parameter[0].strip().equalsIgnoreCase(MediaType.CHARSET_PARAMETER)
                    || !parameter[1].strip().toUpperCase(Locale.ROOT).matches("\"?UTF-8\"?")) {
                return false;
            }
        }
        return true;
    }

    /** How deep arrays and objects nest in the text, counted outside strings, without parsing it. */
    static int depth(String json) {
        int depth = 0;
        int deepest = 0;
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                deepest = Math.max(deepest, ++depth);
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        return deepest;
    }

    private static WebApplicationException tooLarge() {
        return new WebApplicationException(Response.Status.REQUEST_ENTITY_TOO_LARGE);
    }
}
