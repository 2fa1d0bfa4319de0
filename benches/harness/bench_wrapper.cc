// bench_wrapper.cc: the only C++ in idiombench, a thin C interface over Google Benchmark 1.7.1:
// registering and running benchmarks, and the State calls the sweep needs. The timing loop crosses
// into C++ once per batch (KeepRunningBatch), never per iteration.
#include "bench_internal.h"

#include <benchmark/benchmark.h>

#include <string>
#include <vector>

struct bench_state {
    benchmark::State *gb;  // the state Google Benchmark passed to this run
};

extern "C" int64_t bench__batch(bench_state *st) {
    // One batch of all the iterations Google Benchmark asked for: the loop overhead is then the
    // C loop's, which is what the native `for (auto _ : state)` costs too.
    const benchmark::IterationCount n = st->gb->max_iterations;
    return st->gb->KeepRunningBatch(n) ? static_cast<int64_t>(n) : 0;
}

extern "C" void bench__state_fail(bench_state *st, const char *message) {
    if (!st->gb->error_occurred()) st->gb->SkipWithError(message);  // Google Benchmark keeps the first only
}

extern "C" void bench__state_counter(bench_state *st, const char *name, double value) {
    st->gb->counters[name] = benchmark::Counter(value);
}

extern "C" void bench__state_items(bench_state *st, int64_t items_per_iteration) {
    st->gb->SetItemsProcessed(items_per_iteration * static_cast<int64_t>(st->gb->iterations()));
    st->gb->counters["items"] = benchmark::Counter(static_cast<double>(items_per_iteration));
}

extern "C" void bench__native_barrier_loop(bench_state *st, int64_t barriers) {
    benchmark::State &state = *st->gb;
    int64_t executed = 0;
    for (auto _ : state) {
        benchmark::ClobberMemory();
        for (int64_t k = 0; k < barriers; k++) benchmark::ClobberMemory();
        executed++;
    }
    if (executed != static_cast<int64_t>(state.iterations()))
        bench__state_fail(st, "native_cpp: the body ran a different number of times than the iterations");
}

namespace {

// Hands every repetition to the C runner; aggregates (mean, median...) are its job, not ours,
// because 1.7.1's are computed over CPU and real time only, not over our per-item figures.
class SinkReporter : public benchmark::ConsoleReporter {
   public:
    SinkReporter(bench__sink *sink, void *ctx) : sink_(sink), ctx_(ctx) {}

    void ReportRuns(const std::vector<Run> &runs) override {
        std::vector<bench__sample> samples;
        std::vector<std::vector<const char *>> names;
        std::vector<std::vector<double>> values;
        for (const Run &run : runs) {
            if (run.run_type != Run::RT_Iteration) continue;
            names.emplace_back();
            values.emplace_back();
            for (const auto &counter : run.counters) {
                names.back().push_back(counter.first.c_str());
                values.back().push_back(counter.second.value);
            }
            bench__sample s{};
            s.name = run.run_name.function_name.c_str();
            s.failed = run.error_occurred;
            s.message = run.error_message.c_str();
            s.iterations = static_cast<int64_t>(run.iterations);
            s.real_seconds = run.real_accumulated_time;
            s.cpu_seconds = run.cpu_accumulated_time;
            samples.push_back(s);
        }
        for (size_t i = 0; i < samples.size(); i++) {
            samples[i].n_counters = names[i].size();
            samples[i].counter_names = names[i].data();
            samples[i].counter_values = values[i].data();
        }
        sink_(samples.data(), samples.size(), ctx_);
    }

   private:
    bench__sink *sink_;
    void *ctx_;
};

bench__heartbeat *g_heartbeat = nullptr;
void *g_heartbeat_ctx = nullptr;

}  // namespace

extern "C" int bench__register(const char *name, bench__body *body, const void *arg, int repetitions) {
    try {
        const std::string owned_name(name);
        benchmark::internal::Benchmark *b = benchmark::RegisterBenchmark(owned_name.c_str(),
                                     [body, arg, owned_name](benchmark::State &state) {
                                         if (g_heartbeat) g_heartbeat(owned_name.c_str(), g_heartbeat_ctx);
                                         bench_state st{&state};
                                         body(&st, arg);
                                     })
            ->UseRealTime()
            ->Unit(benchmark::kNanosecond);
        if (repetitions > 0) b->Repetitions(repetitions);
        return 0;
    } catch (const std::bad_alloc &) {
        return -1;
    }
}

extern "C" int bench__run(int argc, char **argv, bench__sink *sink, bench__heartbeat *heartbeat,
                          void *ctx) {
    benchmark::Initialize(&argc, argv);
    // 1.7.1 leaves a flag it cannot parse (e.g. --benchmark_min_time=0.5s) in argv, after naming
    // the flag and the value it expected, so both unknown and malformed flags end here.
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 2;
    g_heartbeat = heartbeat;
    g_heartbeat_ctx = ctx;
    SinkReporter reporter(sink, ctx);
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();
    return 0;
}
