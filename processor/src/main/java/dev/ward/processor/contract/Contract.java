package dev.ward.processor.contract;

import dev.ward.processor.Annotations;
import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.HandlerClass;
import dev.ward.processor.model.Route;
import dev.ward.undertow.internal.JsonTree;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * The HTTP contract of a compilation: collects the routes classes of every round, and in the last round writes
 * {@code META-INF/ward/openapi.json} to the class output and compares it with the committed baseline, if one is
 * given (docs/contract.md).
 *
 * <p>A partial recompilation (an IDE's, Gradle's) sees only some handler classes: the document of the previous
 * compilation, still in the class output, gives the operations of the classes not compiled this time, as long as
 * those classes still exist. So the document, and the comparison, always cover every handler class.
 */
public final class Contract {
    public static final String TITLE = "ward.api.title";
    public static final String VERSION = "ward.api.version";
    public static final String BASELINE = "ward.contract.baseline";
    public static final String MODE = "ward.contract.mode";
    /** {@code false}: no document at all, for handler classes that are test fixtures rather than an API. */
    public static final String DOCUMENT = "ward.contract.document";
    public static final Set<String> OPTIONS = Set.of(TITLE, VERSION, BASELINE, MODE, DOCUMENT);
    public static final String RESOURCE = "META-INF/ward/openapi.json";
    static final String BREAKING_CHANGE = "Ward/BreakingChange";
    static final String BASELINE_PROBLEM = "Ward/ContractBaseline";

    private final ProcessingEnvironment environment;
    private final Annotations annotations;
    private final List<HandlerClass> classes = new ArrayList<>();
    /**
     * The routes' Javadoc, read in the round that read them: in the last round javac no longer has the comments of
     * the trees of earlier rounds.
     */
    private final Map<ExecutableElement, String> docComments = new HashMap<>();
    /** Qualified names of the top-level types compiled in any round. */
    private final Set<String> compiled = new HashSet<>();
    private boolean incomplete;

    public Contract(ProcessingEnvironment environment, Annotations annotations) {
        this.environment = environment;
        this.annotations = annotations;
    }

    public void round(RoundEnvironment round) {
        for (Element root : round.getRootElements()) {
            if (root instanceof TypeElement type) {
                compiled.add(type.getQualifiedName().toString());
            }
        }
    }

    /** A handler class whose routes class was written. */
    public void add(HandlerClass handlerClass) {
        classes.add(handlerClass);
        for (Route route : handlerClass.routes()) {
            String comment = environment.getElementUtils().getDocComment(route.method());
            if (comment != null) {
                docComments.put(route.method(), comment);
            }
        }
    }

    /** A handler class with errors: the document would lack its routes, so none is written or compared. */
    public void incomplete() {
        incomplete = true;
    }

    /** In the last round: writes the document, then compares it with the baseline as the options say. */
    public void finish(Diagnostics diagnostics) throws IOException {
        Map<String, String> options = environment.getOptions();
        if (incomplete || "false".equals(options.get(DOCUMENT))) {
            return;
        }
        String mode = options.getOrDefault(MODE, options.containsKey(BASELINE) ? "check" : "off");
        if (!List.of("check", "update", "off").contains(mode)) {
            diagnostics.error(BASELINE_PROBLEM, "-A" + MODE + "=" + mode + " is not a mode",
                    "use check (the default with a baseline), update or off.");
            return;
        }
        DocumentWriter writer = new DocumentWriter(docComments::get, annotations);
        Map<String, Object> document = writer.write(options.getOrDefault(TITLE, "API"),
                options.getOrDefault(VERSION, "0"), classes);
        keepUncompiled(document, previous());
        String text = JsonTree.write(document);
        FileObject resource = environment.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", RESOURCE);
        try (Writer out = resource.openWriter()) {
            out.write(text);
        }
        String baseline = options.get(BASELINE);
        if (mode.equals("off")) {
            return;
        }
        if (baseline == null || baseline.isBlank()) {
            diagnostics.error(BASELINE_PROBLEM, "-A" + MODE + "=" + mode + " needs a baseline to " + mode,
                    "add -A" + BASELINE + "=<path of the committed openapi.json>, relative to javac's directory.");
            return;
        }
        Path path = Path.of(baseline);
        if (mode.equals("update")) {
            update(path, text, diagnostics);
            return;
        }
        Map<String, Object> old = readBaseline(path, diagnostics);
        if (old == null) {
            return;
        }
        String fix = "restore it, or accept the change with -A" + MODE + "=update, which rewrites " + baseline + ".";
        for (BreakingChanges.Change change : BreakingChanges.between(old, document)) {
            Element element = locate(change.where(), writer.origins(), document);
            if (element == null) {
                diagnostics.error(BREAKING_CHANGE, change.message(), fix);
            } else {
                diagnostics.error(BREAKING_CHANGE, element, change.message(), fix);
            }
        }
    }

    private void update(Path path, String text, Diagnostics diagnostics) {
        try {
            if (!Files.exists(path) || !Files.readString(path, StandardCharsets.UTF_8).equals(text)) {
                if (path.toAbsolutePath().getParent() != null) {
                    Files.createDirectories(path.toAbsolutePath().getParent());
                }
                Files.writeString(path, text, StandardCharsets.UTF_8);
                environment.getMessager().printMessage(Diagnostic.Kind.NOTE, "[" + BREAKING_CHANGE + "] wrote the "
                        + "contract to " + path.toAbsolutePath() + "; commit it as the new baseline");
            }
        } catch (IOException | RuntimeException e) {
            diagnostics.error(BASELINE_PROBLEM, "cannot write the baseline " + path.toAbsolutePath() + ": " + e,
                    "make the path writable, or point -A" + BASELINE + " elsewhere.");
        }
    }

    private static Map<String, Object> readBaseline(Path path, Diagnostics diagnostics) {
        String where = path + " (" + path.toAbsolutePath() + ", relative to javac's current directory)";
        try {
            Map<String, Object> document = JsonTree.object(JsonTree.parse(Files.readString(path,
                    StandardCharsets.UTF_8)), "the baseline");
            if (!(document.get("openapi") instanceof String version) || !version.startsWith("3.")) {
                throw new IllegalArgumentException("it has no \"openapi\": \"3.x\" member");
            }
            return document;
        } catch (NoSuchFileException e) {
            diagnostics.error(BASELINE_PROBLEM, "the baseline " + where + " does not exist",
                    "create it with -A" + MODE + "=update, or fix -A" + BASELINE + ".");
        } catch (IOException | RuntimeException e) {
            diagnostics.error(BASELINE_PROBLEM, "the baseline " + where + " is not an OpenAPI document Ward can "
                    + "read: " + e.getMessage(), "restore it from version control, or rewrite it with -A" + MODE
                    + "=update.");
        }
        return null;
    }

    /** The most precise element this compilation has for a change, or null. */
    private Element locate(BreakingChanges.Where where, Origins origins, Map<String, Object> document) {
        Elements elements = environment.getElementUtils();
        Element element = null;
        if (where.property() != null) {
            element = origins.property(where.schema(), where.property(), elements);
        }
        if (element == null && where.schema() != null) {
            element = origins.schema(where.schema(), elements);
        }
        if (element == null && where.parameter() != null) {
            element = origins.parameter(where.operation(), where.in(), where.parameter(), elements);
        }
        if (element == null && where.operation() != null) {
            element = origins.operation(where.operation(), elements);
        }
        String handler = where.handler();
        if (element == null && handler == null && where.operation() != null) {
            String[] operation = where.operation().split(" ", 2);
            Object current = JsonTree.member(JsonTree.member(JsonTree.member(document, "paths"), operation[1]),
                    operation[0].toLowerCase()).get(DocumentWriter.HANDLER);
            handler = current instanceof String h ? h : null;
        }
        if (element == null && handler != null) {
            element = elements.getTypeElement(handler);
        }
        return element;
    }

    /** The document the previous compilation left in the class output, if any. */
    private Map<String, Object> previous() {
        try {
            FileObject resource = environment.getFiler().getResource(StandardLocation.CLASS_OUTPUT, "", RESOURCE);
            return JsonTree.object(JsonTree.parse(resource.getCharContent(true).toString()), "the previous document");
        } catch (IOException | RuntimeException absentOrUnreadable) {
            // Nothing to carry over: a first or clean compilation, or an output directory Ward did not write.
            return null;
        }
    }

    /**
     * Adds to {@code document} the previous document's operations of handler classes that still exist and were not
     * compiled this time, with the schemas they use.
     */
    private void keepUncompiled(Map<String, Object> document, Map<String, Object> previous) {
        if (previous == null) {
            return;
        }
        Map<String, Object> paths = new TreeMap<>(JsonTree.member(document, "paths"));
        Deque<String> references = new ArrayDeque<>();
        for (Map.Entry<String, Object> path : JsonTree.member(previous, "paths").entrySet()) {
            for (Map.Entry<String, Object> operation : JsonTree.object(path.getValue(), "path").entrySet()) {
                Object handler = operation.getValue() instanceof Map<?, ?> map ? map.get(DocumentWriter.HANDLER)
                        : null;
                if (handler instanceof String name && stillExistsUncompiled(name)) {
                    Map<String, Object> item = new LinkedHashMap<>(JsonTree.member(paths, path.getKey()));
                    if (item.putIfAbsent(operation.getKey(), operation.getValue()) == null) {
                        collectReferences(operation.getValue(), references);
                    }
                    Map<String, Object> ordered = new LinkedHashMap<>();
                    DocumentWriter.METHODS.stream().filter(item::containsKey).forEach(m -> ordered.put(m, item.get(m)));
                    paths.put(path.getKey(), ordered);
                }
            }
        }
        if (references.isEmpty() && paths.size() == JsonTree.member(document, "paths").size()) {
            return;
        }
        document.put("paths", paths);
        Map<String, Object> schemas = new TreeMap<>(JsonTree.member(JsonTree.member(document, "components"),
                "schemas"));
        Map<String, Object> previousSchemas = JsonTree.member(JsonTree.member(previous, "components"), "schemas");
        while (!references.isEmpty()) {
            String name = references.pop().substring(Schemas.REF_PREFIX.length());
            if (!schemas.containsKey(name) && previousSchemas.containsKey(name)) {
                schemas.put(name, previousSchemas.get(name));
                collectReferences(previousSchemas.get(name), references);
            }
        }
        if (!schemas.isEmpty()) {
            document.put("components", Map.of("schemas", schemas));
        }
    }

    private boolean stillExistsUncompiled(String handler) {
        Element type = environment.getElementUtils().getTypeElement(handler);
        if (type == null) {
            return false;
        }
        while (!(type.getEnclosingElement() instanceof PackageElement)) {
            type = type.getEnclosingElement();
        }
        return !compiled.contains(((TypeElement) type).getQualifiedName().toString());
    }

    private static void collectReferences(Object value, Deque<String> references) {
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (entry.getKey().equals("$ref") && entry.getValue() instanceof String ref
                        && ref.startsWith(Schemas.REF_PREFIX)) {
                    references.push(ref);
                } else {
                    collectReferences(entry.getValue(), references);
                }
            }
        } else if (value instanceof List<?> list) {
            list.forEach(each -> collectReferences(each, references));
        }
    }
}
