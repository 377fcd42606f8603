// dotnet run -c Release --project bench/DataGouv.Bench -- --smoke          (CI: every method once, exit code 0/1)
// dotnet run -c Release --project bench/DataGouv.Bench -- --filter '*'     (BenchmarkDotNet, short job)
return DataGouv.Bench.Shared.BenchHost.Run(args, typeof(DataGouv.Bench.Payloads).Assembly);
