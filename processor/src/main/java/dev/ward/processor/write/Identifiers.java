package dev.ward.processor.write;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.WildcardTypeName;
import java.util.HashSet;
import java.util.Set;

/**
 * The identifiers one generated method declares. A user's name (a parameter's, a middleware's) is kept when it
 * is free, and renamed when generated code needs it for something else: a local named {@code Bind} would obscure
 * the class {@code Bind}, one named {@code com} the package of {@code com.acme.Status}, one named {@code raw}
 * the conversion lambda's parameter.
 */
final class Identifiers {
    private final Set<String> taken;

    Identifiers(Set<String> reserved) {
        this.taken = new HashSet<>(reserved);
    }

    /** {@code name}, or {@code nameValue}, {@code nameValueValue}... whichever is free; it is taken from now on. */
    String declare(String name) {
        String candidate = name;
        while (!taken.add(candidate)) {
            candidate = candidate + "Value";
        }
        return candidate;
    }

    /** Adds the names an expression may start with when it names {@code type}: its simple names and package root. */
    static void addNamesOf(TypeName type, Set<String> names) {
        if (type instanceof ClassName className) {
            names.addAll(className.simpleNames());
            String packageName = className.packageName();
            if (!packageName.isEmpty()) {
                names.add(packageName.split("\\.", 2)[0]);
            }
        } else if (type instanceof ParameterizedTypeName parameterized) {
            addNamesOf(parameterized.rawType(), names);
            parameterized.typeArguments().forEach(argument -> addNamesOf(argument, names));
        } else if (type instanceof ArrayTypeName array) {
            addNamesOf(array.componentType(), names);
        } else if (type instanceof WildcardTypeName wildcard) {
            wildcard.upperBounds().forEach(bound -> addNamesOf(bound, names));
            wildcard.lowerBounds().forEach(bound -> addNamesOf(bound, names));
        }
    }
}
