package dev.ward.processor.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed route template such as {@code /orders/{id}/lines/{line}}.
 *
 * @param variables the variable names in order
 * @param shape     the template with every variable written {@code {}}: two templates with the same shape
 *                  match the same paths
 * @param problem   why the template is invalid, or null when it is valid
 */
public record PathTemplate(String text, List<String> variables, String shape, String problem) {

    public boolean isValid() {
        return problem == null;
    }

    public static PathTemplate parse(String text) {
        if (text.isEmpty() || text.charAt(0) != '/') {
            return invalid(text, "it must start with '/'");
        }
        List<String> variables = new ArrayList<>();
        StringBuilder shape = new StringBuilder();
        if (text.equals("/")) {
            return new PathTemplate(text, variables, "/", null);
        }
        String[] segments = text.substring(1).split("/", -1);
        for (String segment : segments) {
            shape.append('/');
            if (segment.isEmpty()) {
                return invalid(text, "it has an empty segment ('//' or a trailing '/')");
            }
            boolean opens = segment.indexOf('{') >= 0;
            boolean closes = segment.indexOf('}') >= 0;
            if (!opens && !closes) {
                for (int i = 0; i < segment.length(); i++) {
                    char c = segment.charAt(i);
                    if (c <= ' ' || c == '?' || c == '#' || c == '*' || c >= 127) {
                        return invalid(text, "segment '" + segment + "' contains '" + c
                                + "'; a template is a plain path, without query, fragment or wildcard");
                    }
                }
                shape.append(segment);
                continue;
            }
            if (count(segment, '{') != count(segment, '}') || segment.indexOf('}') < segment.indexOf('{')) {
                return invalid(text, "segment '" + segment + "' has unbalanced braces");
            }
            if (segment.charAt(0) != '{' || segment.charAt(segment.length() - 1) != '}' || count(segment, '{') != 1) {
                return invalid(text, "segment '" + segment + "' mixes a variable with other text; a variable must "
                        + "be a whole segment, like /{id}");
            }
            String name = segment.substring(1, segment.length() - 1);
            if (!isIdentifier(name)) {
                return invalid(text, "'{" + name + "}' is not a variable name; use letters, digits and '_', "
                        + "starting with a letter");
            }
            if (variables.contains(name)) {
                return invalid(text, "variable '{" + name + "}' appears twice");
            }
            variables.add(name);
            shape.append("{}");
        }
        return new PathTemplate(text, List.copyOf(variables), shape.toString(), null);
    }

    private static PathTemplate invalid(String text, String problem) {
        return new PathTemplate(text, List.of(), text, problem);
    }

    private static int count(String s, char c) {
        return (int) s.chars().filter(ch -> ch == c).count();
    }

    private static boolean isIdentifier(String name) {
        if (name.isEmpty() || !Character.isLetter(name.charAt(0))) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!Character.isLetterOrDigit(c) && c != '_') {
                return false;
            }
        }
        return true;
    }
}
