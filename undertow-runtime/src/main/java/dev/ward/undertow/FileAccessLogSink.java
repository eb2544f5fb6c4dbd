package dev.ward.undertow;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Appends access log lines to a file, opened on the first line. */
final class FileAccessLogSink implements AccessLogSink {
    private final Path file;
    private BufferedWriter writer;

    FileAccessLogSink(Path file) {
        this.file = file;
    }

    @Override
    public void write(String line) throws IOException {
        if (writer == null) {
            writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
        writer.write(line);
        writer.newLine();
    }

    @Override
    public void flush() throws IOException {
        if (writer != null) {
            writer.flush();
        }
    }
}
