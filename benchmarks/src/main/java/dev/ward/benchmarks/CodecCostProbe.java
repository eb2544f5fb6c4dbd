package dev.ward.benchmarks;

import dev.ward.jackson.JacksonCodec;
import dev.ward.json.JsonbCodec;
import dev.ward.undertow.BodyCodec;
import dev.ward.undertow.BodyReader;
import dev.ward.undertow.BodyWriter;
import io.avaje.jsonb.JsonType;
import io.avaje.jsonb.Jsonb;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * Where a JSON route's cost beyond a {@code byte[]} route goes, per request, for each codec, in this thread alone:
 * bytes allocated (exact, from the JVM's counter) and time of decoding the benchmark's order, of the codec writing
 * it into a reused stream (the codec's own cost), and of encoding it the way the runtime's {@code ResultEncoder}
 * does (into a new buffer the size of the route's previous result, which the response takes without a copy); and,
 * as the reference for ward-json, avaje-jsonb called directly (no limit scan, no wrapping stream); and the floor
 * no codec can beat: the same order built from the same field values, no JSON.
 * Run by {@code benchmarks/codec-cost.sh}.
 */
public final class CodecCostProbe {
    private static final int WARMUP = 200_000;
    private static final int MEASURED = 200_000;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** Keeps results alive so the JIT cannot drop the work. */
    private static volatile int sink;
    /** Makes the floor's order escape, so the JIT cannot scalar-replace the allocations it measures. */
    private static volatile JsonHandlers.Order kept;

    private CodecCostProbe() {
    }

    public static void main(String[] args) throws Exception {
        byte[] json = JsonHandlers.sampleOrder().getBytes(StandardCharsets.UTF_8);
        System.out.printf("per call, %,d calls after %,d warm-up, one thread; the order is %,d bytes of JSON%n",
                MEASURED, WARMUP, json.length);
        measure("ward-json", new JsonbCodec(), json);
        measure("ward-jackson", new JacksonCodec(), json);
        JsonType<JsonHandlers.Order> avaje = Jsonb.builder().build().type(JsonHandlers.Order.class);
        JsonHandlers.Order order = avaje.fromJson(json);
        ByteArrayOutputStream reused = new ByteArrayOutputStream(4096);
        report("avaje-jsonb", "fromJson(byte[])", () -> avaje.fromJson(json).items().size());
        report("avaje-jsonb", "toJson (reused stream)", () -> {
            reused.reset();
            avaje.toJson(order, reused);
            return reused.size();
        });
        report("no codec", "the order itself (floor)", floor(order));
    }

    /**
     * Builds the decoded order's graph anew from its field values, as a decoder must: a new array for each string's
     * characters (decoded from bytes prepared beforehand), a list of exactly its size, the enum's shared constant.
     */
    private static Callable<Integer> floor(JsonHandlers.Order order) {
        byte[] customer = order.customer().getBytes(StandardCharsets.UTF_8);
        byte[] note = order.note().getBytes(StandardCharsets.UTF_8);
        List<JsonHandlers.Item> items = order.items();
        byte[][] skus = new byte[items.size()][];
        byte[][] names = new byte[items.size()][];
        for (int i = 0; i < items.size(); i++) {
            skus[i] = items.get(i).sku().getBytes(StandardCharsets.UTF_8);
            names[i] = items.get(i).name().getBytes(StandardCharsets.UTF_8);
        }
        return () -> {
            List<JsonHandlers.Item> copies = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                JsonHandlers.Item item = items.get(i);
                copies.add(new JsonHandlers.Item(new String(skus[i], StandardCharsets.UTF_8),
                        new String(names[i], StandardCharsets.UTF_8), item.quantity(), item.priceCents(),
                        item.weightKg()));
            }
            kept = new JsonHandlers.Order(new UUID(order.id().getMostSignificantBits(),
                    order.id().getLeastSignificantBits()), new String(customer, StandardCharsets.UTF_8),
                    order.status(), order.placedAt(), copies, new String(note, StandardCharsets.UTF_8));
            return kept.items().size();
        };
    }

    private static void measure(String name, BodyCodec codec, byte[] json) throws Exception {
        BodyReader<JsonHandlers.Order> reader = codec.reader(JsonHandlers.Order.class);
        BodyWriter<JsonHandlers.Order> writer = codec.writer(JsonHandlers.Order.class);
        JsonHandlers.Order order = reader.read(json);
        ByteArrayOutputStream reused = new ByteArrayOutputStream(4096);
        report(name, "decode", () -> reader.read(json).items().size());
        report(name, "write (reused stream)", () -> {
            reused.reset();
            writer.write(order, reused);
            return reused.size();
        });
        reused.reset();
        writer.write(order, reused);
        int previousSize = reused.size();
        report(name, "encode as Ward does", () -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream(previousSize);
            writer.write(order, out);
            return out.size();
        });
    }

    private static void report(String codec, String stage, Callable<Integer> call) throws Exception {
        for (int i = 0; i < WARMUP; i++) {
            sink += call.call();
        }
        long bytesBefore = THREADS.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();
        for (int i = 0; i < MEASURED; i++) {
            sink += call.call();
        }
        long nanos = System.nanoTime() - start;
        long bytes = THREADS.getCurrentThreadAllocatedBytes() - bytesBefore;
        System.out.printf("  %-12s %-22s %8.1f B %8.0f ns%n", codec, stage, bytes / (double) MEASURED,
                nanos / (double) MEASURED);
    }
}
