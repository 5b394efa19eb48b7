using System.Diagnostics;
using Breadcrumb.Kafka.Samples;

namespace Breadcrumb.Kafka.Samples.Tests;

public sealed class SampleCommandTests
{
    [Fact(Timeout = 30_000)]
    public async Task RunAsync_UnknownOption_OneLineErrorAndExit2()
    {
        var (code, stdout, stderr, _) = await RunAsync("--no-such-option");

        code.Should().Be(2);
        stdout.Should().BeEmpty();
        stderr.Trim().Should().NotContain("\n").And.Contain("--no-such-option").And.Contain("--help");
    }

    [Fact(Timeout = 30_000)]
    public async Task RunAsync_RecordsOutOfRange_OneLineErrorAndExit2()
    {
        var (code, _, stderr, _) = await RunAsync("--records", "0");

        code.Should().Be(2);
        stderr.Trim().Should().Be("T: --records must be between 1 and 100000. (see --help)");
    }

    [Fact(Timeout = 30_000)]
    public async Task RunAsync_MissingConfigFile_OneLineErrorAndExit1()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.config");

        var (code, _, stderr, _) = await RunAsync("-f", missing);

        code.Should().Be(1);
        stderr.Trim().Should().NotContain("\n").And.Contain(missing).And.Contain("not found");
    }

    [Fact(Timeout = 30_000)]
    public async Task RunAsync_UnreachableBootstrapServers_OneLineErrorWithinSeconds()
    {
        var (code, _, stderr, elapsed) = await RunAsync("--bootstrap-servers", "127.0.0.1:1");

        code.Should().Be(1);
        stderr.Trim().Should().NotContain("\n").And.StartWith("T: no Kafka broker answered at 127.0.0.1:1");
        stderr.Should().NotContain("   at ", "no stack trace without --verbose");
        elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact(Timeout = 30_000)]
    public async Task RunAsync_MalformedBootstrapServers_OneLineErrorAndExit1()
    {
        var (code, _, stderr, _) = await RunAsync("--bootstrap-servers", "nohostport");

        code.Should().Be(1);
        stderr.Trim().Should().NotContain("\n").And.Contain("nohostport");
    }

    [Fact(Timeout = 30_000)]
    public async Task RunAsync_Help_DescribesTheExerciseAndExit0()
    {
        var (code, stdout, _, _) = await RunAsync("--help");

        code.Should().Be(0);
        stdout.Should().Contain("the exercise text").And.Contain("--bootstrap-servers").And.Contain("--json");
    }

    private static async Task<(int Code, string Stdout, string Stderr, TimeSpan Elapsed)> RunAsync(params string[] args)
    {
        var sut = new SampleCommand("T", "the exercise text");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var clock = Stopwatch.StartNew();
        var code = await sut.RunAsync(
            args, (_, _) => throw new InvalidOperationException("the section must not run on bad arguments"), stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString(), clock.Elapsed);
    }
}
