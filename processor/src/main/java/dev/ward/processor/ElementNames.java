package dev.ward.processor;

import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;

/** Small questions about elements that several layers ask. */
public final class ElementNames {
    private ElementNames() {
    }

    /** The qualified name of the package an element is in. */
    public static String packageOf(Element element) {
        Element current = element;
        while (!(current instanceof PackageElement)) {
            current = current.getEnclosingElement();
        }
        return ((PackageElement) current).getQualifiedName().toString();
    }

    /** {@code UserId} → {@code userId}. */
    public static String decapitalize(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
