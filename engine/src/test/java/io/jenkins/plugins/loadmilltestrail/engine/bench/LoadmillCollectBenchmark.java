package io.jenkins.plugins.loadmilltestrail.engine.bench;

import io.jenkins.plugins.loadmilltestrail.engine.ProgressListener;
import io.jenkins.plugins.loadmilltestrail.engine.loadmill.LoadmillRunner;
import io.jenkins.plugins.loadmilltestrail.engine.loadmill.LoadmillSettings;
import io.jenkins.plugins.loadmilltestrail.engine.model.CollectedResults;
import io.jenkins.plugins.loadmilltestrail.engine.model.RunStatus;
import io.jenkins.plugins.loadmilltestrail.simulator.loadmill.LoadmillSimulator;
import io.jenkins.plugins.loadmilltestrail.simulator.loadmill.TestPlanScenario;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.OkHttpClient;

/**
 * Collects a large Loadmill plan from the simulator and prints calls, wall time and peak heap.
 * Asserts nothing: figures depend on the machine.
 *
 * <p>Scenario: a plan of 50 suites × 200 flows, 10% of flows FAILED (each needs a detail call),
 * every suite RUNNING for 2 polls, 20 ms simulated latency per answer, polling every 200 ms. Call
 * target: polls + 1 final fetch + failed flows + 1 start. The simulator runs in the same JVM, so
 * the heap figure includes it (an upper bound for the client).
 *
 * <p>Run from the repository root with {@code scripts/benchmark LoadmillCollectBenchmark}: it
 * builds the test classes and starts a JVM of its own with -Xmx128m (the script reads that heap
 * from here), so "fits in 128 MB" is tested for real; {@code exec:java} would share Maven's heap.
 * To pass the optional arguments, run {@code java} yourself with the class path the script wrote:
 *
 * <pre>
 * java -Xmx128m -cp engine/target/test-classes:engine/target/classes:$(cat engine/target/benchmark.classpath) \
 *     io.jenkins.plugins.loadmilltestrail.engine.bench.LoadmillCollectBenchmark 50 200 10 20
 * </pre>
 *
 * Optional arguments: {@code [suites] [flowsPerSuite] [failedPercent] [latencyMillis]}.
 */
public final class LoadmillCollectBenchmark {
    private LoadmillCollectBenchmark() {}

    public static void main(String[] args) throws Exception {
        int suites = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int flowsPerSuite = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int failedPercent = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int latencyMillis = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        int failEvery = failedPercent <= 0 ? Integer.MAX_VALUE : 100 / failedPercent;

        try (LoadmillSimulator sim = LoadmillSimulator.start()) {
            TestPlanScenario plan = sim.addTestPlan("Benchmark plan").runningPolls(2);
            for (int s = 0; s < suites; s++) {
                plan.suite("Suite " + s, suite -> {
                    for (int f = 0; f < flowsPerSuite; f++) {
                        if (f % failEvery == 0) {
                            suite.failedAssertion("Flow " + f, "__status", "equals", "200", "500");
                        } else {
                            suite.passed("Flow " + f);
                        }
                    }
                });
            }
            sim.latency(Duration.ofMillis(latencyMillis));
            LoadmillSettings settings = LoadmillSettings.builder().baseUrl(sim.url()).apiToken(sim.token())
                    .testPlanId(plan.id()).additionalDescription("bench").pollInterval(Duration.ofMillis(200)).build();
            OkHttpClient http = new OkHttpClient();

            System.gc();
            HeapSampler sampler = new HeapSampler();
            sampler.start();
            long start = System.nanoTime();
            LoadmillRunner runner = new LoadmillRunner(http, settings, ProgressListener.SILENT);
            CollectedResults results = runner.run();
            long wallMillis = (System.nanoTime() - start) / 1_000_000;
            sampler.interrupt();
            sampler.join();

            long failed = results.flows().filter(f -> f.status().equals(RunStatus.FAILED)).count();
            long polls = sim.calls(LoadmillSimulator.PLAN_RUN_ENDPOINT) - 1;
            long calls = runner.stats().totalCalls();
            System.out.printf("Loadmill collect benchmark: %d suites x %d flows, %d%% failed, %d ms latency%n",
                    suites, flowsPerSuite, failedPercent, latencyMillis);
            System.out.printf("  flows collected     %d (%d failed)%n", results.flows().count(), failed);
            System.out.printf("  calls made          %d (target <= polls %d + 1 final + %d failed + 1 start = %d)%n",
                    calls, polls, failed, polls + 1 + failed + 1);
            for (Map.Entry<String, Long> e : runner.stats().callsByMethod().entrySet()) {
                System.out.printf("    %-40s %d%n", e.getKey(), e.getValue());
            }
            System.out.printf("  wall time           %d ms%n", wallMillis);
            System.out.printf("  peak heap used      %d MB sampled every 5 ms; <= %d MB by heap pool peaks (simulator included)%n",
                    sampler.sampledPeak() / (1024 * 1024), HeapSampler.poolPeaks() / (1024 * 1024));
            System.out.printf("  max heap            %d MB%n", Runtime.getRuntime().maxMemory() / (1024 * 1024));
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    /** Samples used heap; also reads each heap pool's own peak, which catches spikes between samples. */
    private static final class HeapSampler extends Thread {
        private final AtomicLong peak = new AtomicLong();

        HeapSampler() {
            super("heap-sampler");
            setDaemon(true);
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        }

        @Override
        public void run() {
            while (!isInterrupted()) {
                peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        long sampledPeak() {
            return peak.get();
        }

        /** Sum of each heap pool's peak: the pools peak at different moments, so an upper bound. */
        static long poolPeaks() {
            return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                    .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        }
    }
}
