using System.Diagnostics;
using Breadcrumb.Kafka.Lab;
using Breadcrumb.Kafka.Tests.TestSupport;

namespace Breadcrumb.Kafka.Tests.Records;

public sealed class BreadcrumbFileLargeFileTests(ITestOutputHelper output)
{
    private const int Count = 1_000_000;

    [Fact(Timeout = 300_000)]
    public async Task ReadAsync_MillionRecordFile_StreamsInBoundedMemory()
    {
        using var dir = new TempDirectory();
        var path = dir.File("bcsample.json");
        var ct = TestContext.Current.CancellationToken;
        var clock = Stopwatch.StartNew();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);

        // Fingerprint the records as they stream past, so neither side ever holds more than one.
        long writtenHash = 0, readHash = 0;
        var generated = BreadcrumbFile.Generate(Count, seed: 11).Select(r =>
        {
            writtenHash = (writtenHash * 31) + r.GetHashCode();
            return r;
        });
        (await BreadcrumbFile.WriteAsync(path, generated, BreadcrumbFileFormat.JsonArray, ct)).Should().Be(Count);
        var afterWrite = GC.GetTotalMemory(forceFullCollection: true) - baseline;
        var written = clock.Elapsed;

        long read = 0, peak = 0;
        await foreach (var record in BreadcrumbFile.ReadAsync(path, cancellationToken: ct))
        {
            readHash = (readHash * 31) + record.GetHashCode();
            if (++read % 250_000 == 0)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - baseline);
            }
        }

        output.WriteLine($"{new FileInfo(path).Length:N0} bytes; write {written.TotalSeconds:F1} s, read {(clock.Elapsed - written).TotalSeconds:F1} s; live growth after write {afterWrite:N0} B, peak while reading {peak:N0} B");
        read.Should().Be(Count);
        readHash.Should().Be(writtenHash, "every record reads back as written, in order");

        // A million records held in memory would take over 500 MB (15 objects each); streaming keeps a 64 KiB buffer and one record.
        afterWrite.Should().BeLessThan(16 * 1024 * 1024);
        peak.Should().BeLessThan(16 * 1024 * 1024);
    }
}
