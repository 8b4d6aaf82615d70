package org.relief.web;

import org.relief.shared.FieldProblem;
import org.relief.shared.TextInput;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.DatabindException;

/** Names the field behind a JSON parse error ("birthDate: is not a valid value"), or the body when none is known. */
final class JsonErrors {

    private JsonErrors() {}

    static FieldProblem fieldOf(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof StreamConstraintsException limit) {
                // valid JSON, but beyond the reader's limits (a text of millions of characters, nesting a thousand
                // deep): say so, with the limit the reader gives, rather than "not valid JSON"
                return new FieldProblem(
                        "body",
                        "is too large to read (" + limit.getOriginalMessage().split("\n")[0] + ")");
            }
        }
        if (cause instanceof DatabindException de && !de.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (JacksonException.Reference ref : de.getPath()) {
                if (ref.getPropertyName() != null && TextInput.problem(ref.getPropertyName()) != null) {
                    break; // a map key that is itself refused: name the map it is in
                } else if (ref.getPropertyName() != null) {
                    path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
                } else if (ref.getIndex() >= 0) {
                    path.append('[').append(ref.getIndex()).append(']');
                }
            }
            return new FieldProblem(
                    path.isEmpty() ? "body" : path.toString(),
                    "is not a valid value (" + de.getOriginalMessage().split("\n")[0] + ")");
        }
        return new FieldProblem("body", "is not valid JSON");
    }

    /** "field: message" -> a field problem; anything else is about the request as a whole. */
    static FieldProblem fromMessage(String message) {
        if (message != null) {
            int colon = message.indexOf(':');
            if (colon > 0 && message.substring(0, colon).matches("[A-Za-z.\\[\\]0-9]+")) {
                return new FieldProblem(
                        message.substring(0, colon),
                        message.substring(colon + 1).strip());
            }
        }
        return new FieldProblem("request", message == null ? "is not valid" : message);
    }
}
