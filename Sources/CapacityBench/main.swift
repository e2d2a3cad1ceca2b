// Replaced by the benchmark ladder (Docs/benchmarks.md).
print("capacity-bench")
