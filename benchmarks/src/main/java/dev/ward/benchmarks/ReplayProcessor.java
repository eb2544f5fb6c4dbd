package dev.ward.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * javac's share of what a processor costs (benchmarks/compile-cost.sh): in the first round it writes, through the
 * filer, the sources of the directory {@code -Areplay.dir} names (the routes classes Ward's processor wrote), and
 * does nothing else. So a compilation with it has Ward's rounds and Ward's output without any of Ward's work.
 */
public final class ReplayProcessor extends AbstractProcessor {
    private boolean written;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of("*");
    }

    @Override
    public Set<String> getSupportedOptions() {
        return Set.of("replay.dir");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        if (written) {
            return false;
        }
        written = true;
        Path root = Path.of(processingEnv.getOptions().get("replay.dir"));
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> sources = walk.filter(file -> file.toString().endsWith(".java")).sorted().toList();
            for (Path source : sources) {
                String relative = root.relativize(source).toString();
                String typeName = relative.substring(0, relative.length() - ".java".length()).replace('/', '.');
                try (Writer out = processingEnv.getFiler().createSourceFile(typeName).openWriter()) {
                    out.write(Files.readString(source));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return false;
    }
}
