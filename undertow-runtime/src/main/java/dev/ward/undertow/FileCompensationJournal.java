package dev.ward.undertow;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * An append-only file of compensation records, {@value #FILE_NAME} in its directory; the format is described in
 * {@code docs/compensation.md}. Each record is {@code [int length][int crc32][payload]}, so a record torn by a
 * crash mid-write is detected on load and cut off without touching any earlier one. When the file has grown to
 * twice its size after the last compaction (and past {@code compactAtBytes}) it is rewritten with only what is
 * still live, into a temporary file that atomically replaces it.
 */
final class FileCompensationJournal implements CompensationJournal {
    static final String FILE_NAME = "compensations.journal";
    static final byte[] MAGIC = "WARDCJ".getBytes(StandardCharsets.US_ASCII);
    static final short VERSION = 1;
    private static final int HEADER_BYTES = MAGIC.length + 2;
    private static final int MAX_RECORD_BYTES = 128 * 1024 * 1024;
    private static final int MAX_TEXT = 2_000;
    private static final byte PENDING = 1;
    private static final byte ATTEMPT_FAILED = 2;
    private static final byte SUCCEEDED = 3;
    private static final byte DEAD = 4;
    private static final byte REVIVED = 5;
    private static final System.Logger LOG = System.getLogger("dev.ward");

    private final Path file;
    private final long compactAtBytes;
    /** What is still live, as the journal's own records say: written out whole on compaction. */
    private final Map<String, JournalState> live = new LinkedHashMap<>();
    private FileChannel channel;
    private long sizeAfterCompaction;

    FileCompensationJournal(Path directory, long compactAtBytes) throws IOException {
        Files.createDirectories(directory);
        this.file = directory.resolve(FILE_NAME);
        this.compactAtBytes = compactAtBytes;
    }

    @Override
    public synchronized List<JournalState> load() throws IOException {
        live.clear();
        if (Files.exists(file) && Files.size(file) > 0) {
            long good = read();
            if (good < Files.size(file)) {
                LOG.log(System.Logger.Level.WARNING, "compensation journal {0}: dropped a torn last record ({1} "
                        + "bytes); every earlier record is intact", file, Files.size(file) - good);
                try (FileChannel truncate = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    truncate.truncate(good);
                    truncate.force(true);
                }
            }
        }
        compact();
        return List.copyOf(live.values());
    }

    @Override
    public synchronized void pending(List<JournalEntry> entries) throws IOException {
        for (JournalEntry entry : entries) {
            write(encodePending(entry));
            live.put(entry.id(), new JournalState(entry, 0, false, null));
        }
        channel().force(false);
        compactIfGrown();
    }

    @Override
    public synchronized void attemptFailed(String id, int attempt, String error) throws IOException {
        write(encode(ATTEMPT_FAILED, id, attempt, error));
        live.computeIfPresent(id, (key, state) -> new JournalState(state.entry(), attempt, false, error));
    }

    @Override
    public synchronized void succeeded(String id) throws IOException {
        write(encode(SUCCEEDED, id, 0, null));
        live.remove(id);
        compactIfGrown();
    }

    @Override
    public synchronized void deadLettered(String id, int attempts, String error) throws IOException {
        write(encode(DEAD, id, attempts, error));
        channel().force(false);
        live.computeIfPresent(id, (key, state) -> new JournalState(state.entry(), attempts, true, error));
    }

    @Override
    public synchronized void revived(String id) throws IOException {
        write(encode(REVIVED, id, 0, null));
        channel().force(false);
        live.computeIfPresent(id, (key, state) -> new JournalState(state.entry(), 0, false, null));
    }

    @Override
    public boolean durable() {
        return true;
    }

    @Override
    public synchronized void close() throws IOException {
        if (channel != null) {
            channel.force(true);
            channel.close();
            channel = null;
        }
    }

    /** Reads every whole record into {@link #live}; returns the offset just past the last good one. */
    private long read() throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        byte[] magic = java.util.Arrays.copyOf(bytes, Math.min(bytes.length, MAGIC.length));
        if (!java.util.Arrays.equals(magic, java.util.Arrays.copyOf(MAGIC, magic.length))) {
            throw new IOException(file + " is not a Ward compensation journal (it does not start with WARDCJ); "
                    + "move it away or give the server another directory");
        }
        if (bytes.length < HEADER_BYTES) {
            return 0; // a header torn by a crash: nothing was recorded yet
        }
        buffer.position(MAGIC.length);
        short version = buffer.getShort();
        if (version != VERSION) {
            throw new IOException(file + " is a version " + version + " Ward compensation journal"
                    + (version > VERSION ? ", written by a newer Ward" : "") + "; this Ward reads version " + VERSION
                    + " only");
        }
        long good = buffer.position();
        while (buffer.remaining() >= 8) {
            int length = buffer.getInt();
            int crc = buffer.getInt();
            if (length <= 0 || length > MAX_RECORD_BYTES || length > buffer.remaining()) {
                break;
            }
            byte[] payload = new byte[length];
            buffer.get(payload);
            if (crc(payload) != crc) {
                break;
            }
            apply(payload);
            good = buffer.position();
        }
        return good;
    }

    private void apply(byte[] payload) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
        byte type = in.readByte();
        if (type == PENDING) {
            JournalEntry entry = decodePending(in);
            live.put(entry.id(), new JournalState(entry, 0, false, null));
            return;
        }
        String id = in.readUTF();
        int attempts = in.readInt();
        String error = in.readBoolean() ? in.readUTF() : null;
        switch (type) {
            case ATTEMPT_FAILED -> live.computeIfPresent(id, (k, s) -> new JournalState(s.entry(), attempts, false, error));
            case DEAD -> live.computeIfPresent(id, (k, s) -> new JournalState(s.entry(), attempts, true, error));
            case REVIVED -> live.computeIfPresent(id, (k, s) -> new JournalState(s.entry(), 0, false, null));
            case SUCCEEDED -> live.remove(id);
            default -> throw new IOException("unknown compensation journal record type " + type);
        }
    }

    private void compactIfGrown() throws IOException {
        long size = channel().size();
        if (size > compactAtBytes && size > 2 * sizeAfterCompaction) {
            compact();
        }
    }

    /** Rewrites the file with only the live compensations, atomically. */
    private void compact() throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
        }
        Path temporary = file.resolveSibling(FILE_NAME + ".compacting");
        try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(header());
            for (JournalState state : live.values()) {
                writeTo(out, encodePending(state.entry()));
                if (state.attempts() > 0) {
                    writeTo(out, encode(ATTEMPT_FAILED, state.entry().id(), state.attempts(), state.lastError()));
                }
                if (state.dead()) {
                    writeTo(out, encode(DEAD, state.entry().id(), state.attempts(), state.lastError()));
                }
            }
            out.force(true);
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        sizeAfterCompaction = Files.size(file);
    }

    private FileChannel channel() throws IOException {
        if (channel == null) {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            if (channel.size() == 0) {
                channel.write(header());
            }
        }
        return channel;
    }

    private void write(byte[] payload) throws IOException {
        writeTo(channel(), payload);
    }

    private static void writeTo(FileChannel out, byte[] payload) throws IOException {
        ByteBuffer record = ByteBuffer.allocate(8 + payload.length);
        record.putInt(payload.length).putInt(crc(payload)).put(payload).flip();
        while (record.hasRemaining()) {
            out.write(record);
        }
    }

    private static ByteBuffer header() {
        return ByteBuffer.allocate(HEADER_BYTES).put(MAGIC).putShort(VERSION).flip();
    }

    private static int crc(byte[] payload) {
        CRC32 crc = new CRC32();
        crc.update(payload);
        return (int) crc.getValue();
    }

    private static byte[] encodePending(JournalEntry entry) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + (entry.body() == null ? 0 : entry.body().length));
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeByte(PENDING);
        out.writeUTF(entry.id());
        out.writeUTF(entry.route());
        out.writeUTF(entry.method());
        out.writeUTF(entry.idempotencyKey());
        out.writeUTF(cut(entry.failure()));
        out.writeLong(entry.failedAt().toEpochMilli());
        out.writeInt(entry.maxAttempts());
        out.writeLong(entry.backoffMillis());
        writeMap(out, entry.path());
        writeMap(out, entry.query());
        writeMap(out, entry.headers());
        out.writeInt(entry.body() == null ? -1 : entry.body().length);
        if (entry.body() != null) {
            out.write(entry.body());
        }
        out.writeUTF(entry.charset() == null ? "" : entry.charset());
        return bytes.toByteArray();
    }

    private static JournalEntry decodePending(DataInputStream in) throws IOException {
        String id = in.readUTF();
        String route = in.readUTF();
        String method = in.readUTF();
        String key = in.readUTF();
        String failure = in.readUTF();
        Instant failedAt = Instant.ofEpochMilli(in.readLong());
        int maxAttempts = in.readInt();
        long backoff = in.readLong();
        Map<String, String> path = readMap(in);
        Map<String, String> query = readMap(in);
        Map<String, String> headers = readMap(in);
        int bodyLength = in.readInt();
        byte[] body = bodyLength < 0 ? null : in.readNBytes(bodyLength);
        String charset = in.readUTF();
        return new JournalEntry(id, route, method, key, failure, failedAt, maxAttempts, backoff, path, query, headers,
                body, charset.isEmpty() ? null : charset);
    }

    private static byte[] encode(byte type, String id, int attempts, String error) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeByte(type);
        out.writeUTF(id);
        out.writeInt(attempts);
        out.writeBoolean(error != null);
        if (error != null) {
            out.writeUTF(cut(error));
        }
        return bytes.toByteArray();
    }

    private static void writeMap(DataOutputStream out, Map<String, String> map) throws IOException {
        out.writeInt(map.size());
        for (Map.Entry<String, String> entry : map.entrySet()) {
            out.writeUTF(entry.getKey());
            out.writeUTF(entry.getValue());
        }
    }

    private static Map<String, String> readMap(DataInputStream in) throws IOException {
        int size = in.readInt();
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            map.put(in.readUTF(), in.readUTF());
        }
        return map;
    }

    private static String cut(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
    }

    /** For tests: the journal file. */
    Path file() {
        return file;
    }
}
