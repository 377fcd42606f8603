// dotnet run -c Release --project bench/DataGouv.Bench -- --smoke          (CI: every method once, exit code 0/1)
// dotnet run -c Release --project bench/DataGouv.Bench -- --filter '*'     (BenchmarkDotNet, short job)
// dotnet run -c Release --project bench/DataGouv.Bench -- --streaming-memory [count]  (peak live heap: stream vs list method)
if (args.Contains("--streaming-memory")) return DataGouv.Bench.StreamingMemory.Run(args);
return DataGouv.Bench.Shared.BenchHost.Run(args, typeof(DataGouv.Bench.Payloads).Assembly);
