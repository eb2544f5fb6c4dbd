package dev.ward.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The README's "Using Ward in your project" snippet is what src/it/readme-project builds (maven-invoker-plugin, in
 * {@code mvn verify}): each of its parts, separated by a blank line, appears in that project's pom verbatim and in
 * order (indentation aside, since the pom nests them deeper). And the versions it and the project name are the ones
 * this build uses, so the nested build needs nothing the outer one has not already downloaded.
 */
class ReadmeSnippetTest {
    private static final Path BASEDIR = Path.of(System.getProperty("basedir", "."));
    private static final Path README = BASEDIR.resolve("../README.md");
    private static final Path ROOT_POM = BASEDIR.resolve("../pom.xml");
    private static final Path IT_POM = BASEDIR.resolve("src/it/readme-project/pom.xml");

    @Test
    void theReadmeSnippetIsInTheReadmeProjectVerbatim() throws IOException {
        String pom = normalized(Files.readString(IT_POM));
        int from = 0;
        for (String part : snippetParts()) {
            int at = pom.indexOf(normalized(part), from);
            assertTrue(at >= 0, "this part of README.md's snippet is not in " + IT_POM + " (after what came before"
                    + " it); change both together:\n" + part);
            from = at + normalized(part).length();
        }
    }

    @Test
    void theSnippetNamesTheVersionsThisBuildUses() throws Exception {
        Document root = parse(ROOT_POM);
        Map<String, String> properties = properties(root);
        String version = child(root.getDocumentElement(), "version").getTextContent().strip();
        String snippet = normalized(String.join("\n", snippetParts()));
        for (String ward : List.of("ward-annotations", "ward-undertow", "ward-json", "ward-processor")) {
            assertTrue(snippet.contains("<artifactId>" + ward + "</artifactId>\n<version>" + version + "</version>"),
                    ward + " at " + version + " in the README snippet:\n" + snippet);
        }
        assertTrue(snippet.contains("undertow-core " + properties.get("undertow.version")), snippet);
        assertTrue(snippet.contains("micrometer-core " + properties.get("micrometer.version")), snippet);
        String avaje = properties.get("avaje-jsonb.version");
        assertTrue(snippet.contains("avaje-jsonb " + avaje), snippet);
        assertTrue(snippet.contains("<artifactId>avaje-jsonb-generator</artifactId>\n<version>" + avaje + "</version>"),
                "the generator at avaje-jsonb's version:\n" + snippet);
        assertTrue(Files.readString(README).contains("io.micrometer:micrometer-registry-prometheus:"
                + properties.get("micrometer.version")), "the registry the README suggests, at Micrometer's version");
    }

    @Test
    void theReadmeProjectUsesThePluginsAndJUnitOfThisBuild() throws Exception {
        Document root = parse(ROOT_POM);
        Map<String, String> managed = pluginVersions(root);
        Document it = parse(IT_POM);
        Map<String, String> used = pluginVersions(it);
        assertTrue(used.keySet().containsAll(List.of("maven-compiler-plugin", "maven-surefire-plugin",
                "maven-resources-plugin", "maven-jar-plugin")), "every plugin of `verify` pinned: " + used);
        used.forEach((plugin, v) -> assertEquals(managed.get(plugin), v, plugin + " as in the root pom"));
        String junit = null;
        NodeList dependencies = it.getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            if (child(dependency, "artifactId").getTextContent().strip().equals("junit-jupiter")) {
                junit = child(dependency, "version").getTextContent().strip();
            }
        }
        assertEquals(properties(root).get("junit.version"), junit, "junit-jupiter as in the root pom");
    }

    /** The README's xml block under "Using Ward in your project", cut at its blank lines. */
    private static List<String> snippetParts() throws IOException {
        String readme = Files.readString(README);
        int section = readme.indexOf("## Using Ward in your project");
        assertTrue(section >= 0, "README.md has a \"Using Ward in your project\" section");
        int start = readme.indexOf("```xml\n", section);
        assertTrue(start >= 0, "the section has an xml block");
        start += "```xml\n".length();
        int end = readme.indexOf("```", start);
        List<String> parts = Arrays.stream(readme.substring(start, end).split("\n\\s*\n"))
                .map(String::strip)
                .filter(p -> !p.isEmpty())
                .collect(Collectors.toList());
        assertTrue(parts.size() >= 2, "dependencies and the compiler plugin: " + parts);
        return parts;
    }

    private static String normalized(String xml) {
        return Arrays.stream(xml.split("\n")).map(String::strip).collect(Collectors.joining("\n"));
    }

    private static Document parse(Path pom) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    }

    private static Map<String, String> properties(Document pom) {
        Map<String, String> properties = new HashMap<>();
        for (Node n = child(pom.getDocumentElement(), "properties").getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                properties.put(e.getTagName(), e.getTextContent().strip());
            }
        }
        return properties;
    }

    /** artifactId → version of every plugin in the pom that names a version. */
    private static Map<String, String> pluginVersions(Document pom) {
        Map<String, String> versions = new HashMap<>();
        NodeList plugins = pom.getElementsByTagName("plugin");
        for (int i = 0; i < plugins.getLength(); i++) {
            Element plugin = (Element) plugins.item(i);
            Element version = child(plugin, "version");
            if (version != null) {
                versions.put(child(plugin, "artifactId").getTextContent().strip(), version.getTextContent().strip());
            }
        }
        return versions;
    }

    private static Element child(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                found.add(e);
            }
        }
        return found.isEmpty() ? null : found.get(0);
    }
}
