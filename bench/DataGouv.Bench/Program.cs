// dotnet run -c Release --project bench/DataGouv.Bench -- --smoke          (CI: fairness checks, then every method once; exit code 0/1)
// dotnet run -c Release --project bench/DataGouv.Bench -- --filter '*'     (BenchmarkDotNet, short job; exit code 2 when the
//                                                                          STJ source-gen baseline is slower than STJ reflection)
// dotnet run -c Release --project bench/DataGouv.Bench -- --streaming-memory [count]  (peak live heap: stream vs list method)
if (args.Contains("--streaming-memory")) return DataGouv.Bench.StreamingMemory.Run(args);
DataGouv.Bench.BaselineCheck.Run();
return DataGouv.Bench.Shared.BenchHost.Run(args, typeof(DataGouv.Bench.Payloads).Assembly, DataGouv.Bench.BaselineTimingCheck.Run);
