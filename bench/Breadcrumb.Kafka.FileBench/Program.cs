using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Breadcrumb.Kafka;
using Breadcrumb.Kafka.Lab;

// Issue 20: does BreadcrumbFile's hand-written scanner earn its lines against System.Text.Json's streaming reader?
// Same file, both formats, alternating rounds; median records/s and bytes allocated per record.
var records = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200_000;
var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
var directory = Directory.CreateTempSubdirectory("breadcrumb-filebench-");
try
{
    var array = Path.Combine(directory.FullName, "bcsample.json");
    var lines = Path.Combine(directory.FullName, "bcsample.jsonl");
    await BreadcrumbFile.WriteAsync(array, BreadcrumbFile.Generate(records, seed: 7), BreadcrumbFileFormat.JsonArray);
    await BreadcrumbFile.WriteAsync(lines, BreadcrumbFile.Generate(records, seed: 7), BreadcrumbFileFormat.JsonLines);
    Console.WriteLine($"{records:N0} records, {new FileInfo(array).Length / 1024 / 1024} MiB, {rounds} rounds");
    var variants = new (string Name, Func<Task<long>> Run)[]
    {
        ("scanner, array", () => CountAsync(BreadcrumbFile.ReadAsync(array))),
        ("System.Text.Json, array", () => StjAsync(array, topLevelValues: false)),
        ("scanner, JSON lines", () => CountAsync(BreadcrumbFile.ReadAsync(lines))),
        ("System.Text.Json, JSON lines", () => StjAsync(lines, topLevelValues: true)),
    };
    var results = variants.ToDictionary(v => v.Name, _ => new List<(double PerSecond, double Bytes)>());
    await variants[0].Run();
    await variants[1].Run();
    for (var round = 0; round < rounds; round++)
    {
        foreach (var (name, run) in round % 2 == 0 ? variants : variants.Reverse())
        {
            GC.Collect();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var stopwatch = Stopwatch.StartNew();
            var count = await run();
            stopwatch.Stop();
            if (count != records)
            {
                throw new InvalidOperationException($"{name} read {count} of {records}");
            }

            results[name].Add((count / stopwatch.Elapsed.TotalSeconds, (double)(GC.GetTotalAllocatedBytes(precise: true) - before) / count));
        }
    }

    foreach (var (name, samples) in results)
    {
        var perSecond = samples.Select(s => s.PerSecond).Order().ElementAt(samples.Count / 2);
        var bytes = samples.Select(s => s.Bytes).Order().ElementAt(samples.Count / 2);
        Console.WriteLine($"{name,-30} {perSecond,12:N0} records/s {bytes,8:N0} B/record");
    }
}
finally
{
    directory.Delete(recursive: true);
}

static async Task<long> CountAsync(IAsyncEnumerable<BreadcrumbRecord> source)
{
    long count = 0;
    await foreach (var _ in source)
    {
        count++;
    }

    return count;
}

static async Task<long> StjAsync(string path, bool topLevelValues)
{
    await using var stream = File.OpenRead(path);
    return await CountAsync(JsonSerializer.DeserializeAsyncEnumerable(stream, BreadcrumbJsonContext.Default.BreadcrumbRecord, topLevelValues)!);
}
