package dev.ward.processor;

import com.google.auto.service.AutoService;
import dev.ward.processor.check.Rule;
import dev.ward.processor.check.Rules;
import dev.ward.processor.contract.Contract;
import dev.ward.processor.model.ContextValueType;
import dev.ward.processor.model.HandlerClass;
import dev.ward.processor.model.MiddlewareClass;
import dev.ward.processor.model.MiddlewareUse;
import dev.ward.processor.model.Route;
import dev.ward.processor.model.WardModel;
import dev.ward.processor.write.ContextKeyWriter;
import dev.ward.processor.write.RoutesWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Ward's annotation processor: reads route classes into a model, runs every {@link Rule} over it, and writes an
 * {@code XRoutes} class for each class that passed. It never throws out of {@link #process}: a bug in Ward
 * becomes a compile error naming the class it was working on.
 */
@AutoService(Processor.class)
public final class WardProcessor extends AbstractProcessor {
    static final String INTERNAL_ERROR = "Ward/InternalError";

    private Annotations annotations;
    private ModelReader reader;
    private Diagnostics diagnostics;
    private List<Rule> rules;
    private Contract contract;
    // Types whose signatures name types another processor has yet to generate, by qualified name: read again
    // next round, as handler classes, @Middleware classes and @ContextValue types.
    private final Set<String> deferredClasses = new LinkedHashSet<>();
    private final Set<String> deferredMiddlewares = new LinkedHashSet<>();
    private final Set<String> deferredValues = new LinkedHashSet<>();
    private final Set<String> generated = new LinkedHashSet<>();
    /** Whether avaje-jsonb is on the class path, looked up once: a failed lookup costs javac a few milliseconds. */
    private Boolean avajeJsonb;

    @Override
    public synchronized void init(ProcessingEnvironment environment) {
        super.init(environment);
        annotations = new Annotations(environment.getElementUtils());
        reader = new ModelReader(annotations);
        diagnostics = new Diagnostics(environment.getMessager());
        rules = Rules.all(environment.getTypeUtils(), environment.getElementUtils(), annotations);
        contract = new Contract(environment, annotations);
    }

    @Override
    public Set<String> getSupportedOptions() {
        return Contract.OPTIONS;
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Stream.of(Names.ROUTE_ANNOTATIONS, Names.BINDING_ANNOTATIONS, Names.MIDDLEWARE_ANNOTATIONS,
                        List.of(Names.MIDDLEWARE, Names.CONTEXT_VALUE))
                .flatMap(List::stream).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> present, RoundEnvironment round) {
        Element current = null;
        try {
            contract.round(round);
            Set<TypeElement> classes = takeDeferred(deferredClasses);
            classes.addAll(ModelReader.enclosingClasses(annotated(round, Names.ROUTE_ANNOTATIONS)));
            Set<Element> middlewares = new LinkedHashSet<>(takeDeferred(deferredMiddlewares));
            middlewares.addAll(annotated(round, List.of(Names.MIDDLEWARE)));
            Set<Element> values = new LinkedHashSet<>(takeDeferred(deferredValues));
            values.addAll(annotated(round, List.of(Names.CONTEXT_VALUE)));
            WardModel model = setAsideUnresolved(reader.read(classes,
                    annotated(round, Names.MIDDLEWARE_ANNOTATIONS), middlewares, values), round.processingOver());
            for (Rule rule : rules) {
                rule.check(model, diagnostics);
            }
            for (HandlerClass handlerClass : model.classes()) {
                current = handlerClass.element();
                write(handlerClass);
            }
            for (ContextValueType value : model.contextValues()) {
                current = value.type();
                if (!diagnostics.hasErrors(value.type()) && generated.add(value.type().getQualifiedName() + "Key")) {
                    ContextKeyWriter.write(value.type()).writeTo(processingEnv.getFiler());
                }
            }
            if (round.processingOver()) {
                current = null;
                contract.finish(diagnostics);
            }
        } catch (RuntimeException | LinkageError | IOException bug) {
            reportBug(current, bug);
        }
        return false;
    }

    private void write(HandlerClass handlerClass) throws IOException {
        if (!isClean(handlerClass)) {
            if (!handlerClass.routes().isEmpty()) {
                contract.incomplete();
            }
        } else if (generated.add(handlerClass.element().getQualifiedName().toString())) {
            RoutesWriter.write(handlerClass, avajeJsonb()).writeTo(processingEnv.getFiler());
            contract.add(handlerClass);
        }
    }

    private boolean avajeJsonb() {
        if (avajeJsonb == null) {
            avajeJsonb = processingEnv.getElementUtils().getTypeElement(Names.AVAJE_JSON) != null;
        }
        return avajeJsonb;
    }

    /**
     * Whether the routes class would compile, decided once for the whole class: it has routes and no errors, and
     * neither has any middleware it uses, nor any context value its chains produce or take (whose key would be
     * missing).
     */
    private boolean isClean(HandlerClass handlerClass) {
        if (handlerClass.routes().isEmpty() || diagnostics.hasErrors(handlerClass.element())) {
            return false;
        }
        for (Route route : handlerClass.routes()) {
            for (MiddlewareUse use : route.uses()) {
                if (!use.middleware().isWellFormed() || diagnostics.hasErrors(use.middleware().type())) {
                    return false;
                }
            }
            if (route.contextValues().stream().anyMatch(diagnostics::hasErrors)) {
                return false;
            }
        }
        return true;
    }

    private Set<TypeElement> takeDeferred(Set<String> names) {
        Set<TypeElement> types = new LinkedHashSet<>();
        for (String name : names) {
            TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
            if (type != null) {
                types.add(type);
            }
        }
        names.clear();
        return types;
    }

    private Set<Element> annotated(RoundEnvironment round, List<String> annotationNames) {
        Set<Element> elements = new LinkedHashSet<>();
        for (String name : annotationNames) {
            TypeElement annotation = processingEnv.getElementUtils().getTypeElement(name);
            if (annotation != null) {
                elements.addAll(round.getElementsAnnotatedWith(annotation));
            }
        }
        return elements;
    }

    /**
     * Takes out of the model what names unresolved types: deferred to the next round, where another processor may
     * have generated them; in the last round, left to javac, which reports them, with nothing from Ward on top.
     * A handler class waits with the context values its chains use.
     */
    private WardModel setAsideUnresolved(WardModel model, boolean lastRound) {
        Set<String> unresolvedValues = new HashSet<>();
        List<ContextValueType> values = new ArrayList<>();
        for (ContextValueType value : model.contextValues()) {
            if (Unresolved.in(value)) {
                unresolvedValues.add(setAside(value.type(), deferredValues, lastRound));
            } else {
                values.add(value);
            }
        }
        List<MiddlewareClass> middlewares = new ArrayList<>();
        for (MiddlewareClass middleware : model.middlewares()) {
            if (Unresolved.in(middleware)) {
                setAside(middleware.type(), deferredMiddlewares, lastRound);
            } else {
                middlewares.add(middleware);
            }
        }
        List<HandlerClass> classes = new ArrayList<>();
        for (HandlerClass handlerClass : model.classes()) {
            boolean waitsForValue = handlerClass.routes().stream().flatMap(route -> route.contextValues().stream())
                    .anyMatch(value -> unresolvedValues.contains(value.getQualifiedName().toString()));
            if (waitsForValue || Unresolved.in(handlerClass)) {
                setAside(handlerClass.element(), deferredClasses, lastRound);
            } else {
                classes.add(handlerClass);
            }
        }
        return new WardModel(List.copyOf(classes), model.strays(), List.copyOf(middlewares), List.copyOf(values));
    }

    private static String setAside(TypeElement type, Set<String> deferred, boolean lastRound) {
        String name = type.getQualifiedName().toString();
        if (!lastRound) {
            deferred.add(name);
        }
        return name;
    }

    private void reportBug(Element element, Throwable bug) {
        String message = "[" + INTERNAL_ERROR + "] Ward's processor failed with " + bug
                + (bug.getStackTrace().length > 0 ? " at " + bug.getStackTrace()[0] : "")
                + ". This is a bug in Ward, not in your code; please report it with this message."
                + "\n    Fix: none needed on your side; until it is fixed, compile without the route that triggers it.";
        if (element != null) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, message, element);
        } else {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, message);
        }
    }
}
