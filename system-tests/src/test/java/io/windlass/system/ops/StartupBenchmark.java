package io.windlass.system.ops;

import io.windlass.system.WindlassService;
import io.windlass.system.WindlassSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Start-up of the four services (issue 17), measured in one run: the time from launching the JVM to
 * the first ready answer of {@code /q/health/ready}, each service alone and all four at once, with the
 * JDK's ahead-of-time cache ({@code -XX:AOTCache}, JEP 483/514/515, as {@code deploy/local/up} uses it)
 * against the same jar without it. The caches come from a training run of each service: started with
 * {@code -XX:AOTCacheOutput}, serving its start-up, stopped. Rounds alternate the two sides so that the
 * machine's load falls on both. Not part of {@code verify}; run it with {@code deploy/local/bench-startup}.
 */
class StartupBenchmark {
    private static final int ROUNDS = Integer.getInteger("windlass.bench.samples", 5);
    private static final List<WindlassService> ALL = List.of(WindlassService.values());

    @RegisterExtension
    static final WindlassSystem system = new WindlassSystem();

    @Test
    void eachServiceAloneAndAllFourAtOnceWithAndWithoutTheAheadOfTimeCache() throws Exception {
        Path caches = Files.createDirectories(Path.of("target/aot-caches"));
        Function<WindlassService, Path> cache = svc -> caches.resolve(svc.module() + ".aot").toAbsolutePath();
        for (WindlassService service : ALL) {
            Files.deleteIfExists(cache.apply(service));
        }
        // training: each service started once recording, then stopped, which writes its cache
        system.relaunch(ALL, svc -> List.of("-XX:AOTCacheOutput=" + cache.apply(svc)));
        system.relaunch(ALL, svc -> List.of());
        for (WindlassService service : ALL) {
            assertTrue(Files.size(cache.apply(service)) > 0, "no cache written for " + service.module());
        }
        Function<WindlassService, List<String>> plain = svc -> List.of();
        Function<WindlassService, List<String>> cached = svc -> List.of("-XX:AOTCache=" + cache.apply(svc));

        Map<WindlassService, Samples> alone = new EnumMap<>(WindlassService.class);
        Map<WindlassService, Samples> together = new EnumMap<>(WindlassService.class);
        for (WindlassService service : ALL) {
            alone.put(service, new Samples());
            together.put(service, new Samples());
        }
        for (int round = 0; round < ROUNDS; round++) {
            for (WindlassService service : ALL) {
                alone.get(service).plain.add(system.relaunch(List.of(service), plain).get(service));
                alone.get(service).cached.add(system.relaunch(List.of(service), cached).get(service));
            }
            system.relaunch(ALL, plain).forEach((svc, d) -> together.get(svc).plain.add(d));
            system.relaunch(ALL, cached).forEach((svc, d) -> together.get(svc).cached.add(d));
        }

        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "Launch -> ready (/q/health/ready), median of %d rounds; the baseline is the same jar without the cache%n",
                ROUNDS));
        out.append(String.format(Locale.ROOT, "%-20s %12s %12s %7s   %12s %12s %7s%n", "service", "alone", "alone+AOT",
                "ratio", "all four", "all4+AOT", "ratio"));
        for (WindlassService service : ALL) {
            Samples a = alone.get(service);
            Samples t = together.get(service);
            out.append(String.format(Locale.ROOT, "%-20s %10d ms %10d ms %7.2f   %10d ms %10d ms %7.2f%n",
                    service.module(), a.median(a.plain), a.median(a.cached), a.ratio(),
                    t.median(t.plain), t.median(t.cached), t.ratio()));
        }
        out.append(String.format(Locale.ROOT, "%-20s %12s %12s %7s   %10d ms %10d ms   (the last service ready)%n",
                "control plane", "", "", "", slowest(together, true), slowest(together, false)));
        for (WindlassService service : ALL) {
            out.append(String.format(Locale.ROOT, "cache %-28s %5d MiB%n", service.module(),
                    Files.size(cache.apply(service)) >> 20));
        }
        out.append("load average at the end: ").append(Files.readString(Path.of("/proc/loadavg")).strip())
                .append(System.lineSeparator());
        System.out.print(out);
        Files.writeString(Path.of("target/benchmark-startup.txt"), out.toString());
    }

    /** The median over rounds of the time until all four were ready. */
    private static long slowest(Map<WindlassService, Samples> together, boolean plain) {
        long[] worst = new long[ROUNDS];
        for (Samples s : together.values()) {
            List<Duration> side = plain ? s.plain : s.cached;
            for (int i = 0; i < side.size(); i++) {
                worst[i] = Math.max(worst[i], side.get(i).toMillis());
            }
        }
        Arrays.sort(worst);
        return worst[worst.length / 2];
    }

    private static final class Samples {
        final List<Duration> plain = new ArrayList<>();
        final List<Duration> cached = new ArrayList<>();

        long median(List<Duration> side) {
            long[] ms = side.stream().mapToLong(Duration::toMillis).sorted().toArray();
            return ms[ms.length / 2];
        }

        double ratio() {
            return (double) median(cached) / median(plain);
        }
    }
}
