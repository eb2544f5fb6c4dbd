package dev.ward.processor;

import com.google.auto.service.AutoService;
import dev.ward.processor.check.Rule;
import dev.ward.processor.check.Rules;
import dev.ward.processor.model.ContextValueType;
import dev.ward.processor.model.HandlerClass;
import dev.ward.processor.model.Param;
import dev.ward.processor.model.Route;
import dev.ward.processor.model.WardModel;
import dev.ward.processor.write.ContextKeyWriter;
import dev.ward.processor.write.RoutesWriter;
import java.io.IOException;
import java.util.ArrayList;
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
import javax.lang.model.type.TypeKind;
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
    /** Classes whose signatures name types another processor has yet to generate; retried next round. */
    private final Set<String> deferred = new LinkedHashSet<>();
    private final Set<String> generated = new LinkedHashSet<>();

    @Override
    public synchronized void init(ProcessingEnvironment environment) {
        super.init(environment);
        annotations = new Annotations(environment.getElementUtils());
        reader = new ModelReader(annotations);
        diagnostics = new Diagnostics(environment.getMessager());
        rules = Rules.all(environment.getTypeUtils(), environment.getElementUtils(), annotations);
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
            Set<TypeElement> classes = new LinkedHashSet<>();
            for (String name : deferred) {
                TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
                if (type != null) {
                    classes.add(type);
                }
            }
            deferred.clear();
            classes.addAll(ModelReader.enclosingClasses(annotated(round, Names.ROUTE_ANNOTATIONS)));
            WardModel read = reader.read(classes, annotated(round, Names.MIDDLEWARE_ANNOTATIONS),
                    annotated(round, List.of(Names.MIDDLEWARE)), annotated(round, List.of(Names.CONTEXT_VALUE)));
            WardModel model = round.processingOver() ? read : deferUnresolved(read);
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
        } catch (RuntimeException | LinkageError | IOException bug) {
            reportBug(current, bug);
        }
        return false;
    }

    private void write(HandlerClass handlerClass) throws IOException {
        TypeElement type = handlerClass.element();
        String name = type.getQualifiedName().toString();
        boolean middlewareBroken = handlerClass.routes().stream().flatMap(route -> route.uses().stream())
                .anyMatch(use -> diagnostics.hasErrors(use.middleware().type()) || !use.middleware().isWellFormed());
        if (handlerClass.routes().isEmpty() || diagnostics.hasErrors(type) || middlewareBroken
                || !generated.add(name)) {
            return;
        }
        RoutesWriter.write(handlerClass).writeTo(processingEnv.getFiler());
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

    /** Sets aside, for the next round, classes whose signatures name types another processor has yet to make. */
    private WardModel deferUnresolved(WardModel model) {
        List<HandlerClass> ready = new ArrayList<>();
        for (HandlerClass handlerClass : model.classes()) {
            if (hasUnresolvedTypes(handlerClass)) {
                deferred.add(handlerClass.element().getQualifiedName().toString());
            } else {
                ready.add(handlerClass);
            }
        }
        return new WardModel(List.copyOf(ready), model.strays(), model.middlewares(), model.contextValues());
    }

    private static boolean hasUnresolvedTypes(HandlerClass handlerClass) {
        for (Route route : handlerClass.routes()) {
            if (route.method().getReturnType().getKind() == TypeKind.ERROR) {
                return true;
            }
            for (Param param : route.params()) {
                if (param.element().asType().getKind() == TypeKind.ERROR) {
                    return true;
                }
            }
        }
        return false;
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
