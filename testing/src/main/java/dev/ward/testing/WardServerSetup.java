package dev.ward.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the static, parameterless method of a {@link WardTest} class that gives its server: a
 * {@code WardServer.Builder}, which the extension binds to {@code 127.0.0.1} and port 0 and builds, or a
 * {@code WardServer} the method built itself (then on port 0, so that tests never collide on a port).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface WardServerSetup {
}
