package dev.ward.testing;

import dev.ward.undertow.WardServer;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * What {@link WardTest} runs: starts the server of the class's {@link WardServerSetup} method before all tests (or
 * each, with {@link WardTest#serverPerTest()}), closes it after them, and hands out its {@link WardClient} and its
 * {@link Faults}, cleared before each test.
 */
public final class WardExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(WardExtension.class);

    /**
     * A started server, its client and its faults. JUnit (5.13 and later) closes an {@code AutoCloseable} in a store when the
     * context that stored it ends: the class's after its last {@code @AfterAll} method, a test's after its
     * {@code @AfterEach} methods.
     */
    private record Running(WardServer server, WardClient client, Faults faults) implements AutoCloseable {
        @Override
        public void close() {
            server.close();
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IllegalAccessException {
        if (!settings(context).serverPerTest()) {
            Running running = start(context);
            context.getStore(NAMESPACE).put(Running.class, running);
            inject(context.getRequiredTestClass(), null, running);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IllegalAccessException {
        if (settings(context).serverPerTest()) {
            context.getStore(NAMESPACE).put(Running.class, start(context));
        }
        Running running = running(context);
        // A fault armed by one test, or in @BeforeAll, never strikes another.
        running.faults().clear();
        inject(context.getRequiredTestClass(), context.getRequiredTestInstance(), running);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == WardClient.class || type == Faults.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Running running = running(context);
        return parameter.getParameter().getType() == Faults.class ? running.faults() : running.client();
    }

    private static WardTest settings(ExtensionContext context) {
        WardTest settings = context.getRequiredTestClass().getAnnotation(WardTest.class);
        if (settings == null) {
            throw new ExtensionConfigurationException(context.getRequiredTestClass().getName()
                    + " uses WardExtension without @WardTest");
        }
        return settings;
    }

    private static Running running(ExtensionContext context) {
        Running running = context.getStore(NAMESPACE).get(Running.class, Running.class);
        if (running == null) {
            throw new ExtensionConfigurationException("a WardClient or Faults is only available in tests and @BeforeEach "
                    + "methods of a @WardTest class" + (settings(context).serverPerTest()
                    ? " (serverPerTest: not in @BeforeAll, where no server runs yet)" : ""));
        }
        return running;
    }

    private static Running start(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        Object made = invoke(setup(testClass));
        WardServer server;
        if (made instanceof WardServer.Builder builder) {
            server = builder.host("127.0.0.1").port(0).build();
        } else if (made instanceof WardServer built) {
            server = built;
        } else {
            throw new ExtensionConfigurationException("the @WardServerSetup method of " + testClass.getName()
                    + " returned " + (made == null ? "null" : made.getClass().getName())
                    + "; return a WardServer.Builder or a WardServer");
        }
        server.start();
        return new Running(server, WardClient.of(server, settings(context).contract()), Faults.of(server));
    }

    private static Method setup(Class<?> testClass) {
        List<Method> found = new ArrayList<>();
        for (Class<?> type = testClass; type != null; type = type.getSuperclass()) {
            for (Method method : type.getDeclaredMethods()) {
                if (method.isAnnotationPresent(WardServerSetup.class)) {
                    found.add(method);
                }
            }
        }
        if (found.size() != 1 || !Modifier.isStatic(found.get(0).getModifiers())
                || found.get(0).getParameterCount() != 0) {
            throw new ExtensionConfigurationException(testClass.getName() + " needs exactly one static, "
                    + "parameterless @WardServerSetup method returning a WardServer.Builder or a WardServer; found "
                    + found.size() + (found.size() == 1 ? ", " + found.get(0) : ""));
        }
        return found.get(0);
    }

    private static Object invoke(Method setup) {
        try {
            setup.setAccessible(true);
            return setup.invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new ExtensionConfigurationException(setup + " failed", e.getCause() != null ? e.getCause() : e);
        }
    }

    /**
     * Fills the fields of type {@link WardClient} and {@link Faults}: the static ones when {@code instance} is null,
     * else the others.
     */
    private static void inject(Class<?> testClass, Object instance, Running running) throws IllegalAccessException {
        for (Class<?> type = testClass; type != null; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                Object value = field.getType() == WardClient.class ? running.client()
                        : field.getType() == Faults.class ? running.faults() : null;
                if (value != null && Modifier.isStatic(field.getModifiers()) == (instance == null)
                        && !Modifier.isFinal(field.getModifiers())) {
                    field.setAccessible(true);
                    field.set(instance, value);
                }
            }
        }
    }
}
