using System.Diagnostics;

namespace Breadcrumb.Kafka.Samples.Tests;

/// <summary>Runs a built sample as a process with bad arguments: one line on stderr, non-zero exit, within seconds.</summary>
public sealed class SampleProcessTests
{
    [Fact(Timeout = 60_000)]
    public async Task Sample_UnknownOption_ExitsTwoWithOneLine()
    {
        var (code, stdout, stderr, _) = await RunSampleAsync("--frobnicate");

        code.Should().Be(2);
        stdout.Should().BeEmpty();
        stderr.Trim().Should().StartWith("A: ").And.Contain("--frobnicate").And.NotContain("\n");
    }

    [Fact(Timeout = 60_000)]
    public async Task Sample_MissingConfigFile_ExitsOneWithOneLine()
    {
        var (code, _, stderr, _) = await RunSampleAsync("-f", "/nonexistent/librdkafka.config");

        code.Should().Be(1);
        stderr.Trim().Should().Contain("/nonexistent/librdkafka.config").And.Contain("not found").And.NotContain("\n");
    }

    [Fact(Timeout = 60_000)]
    public async Task Sample_UnreachableBootstrapServers_ExitsOneWithinSeconds()
    {
        var (code, _, stderr, elapsed) = await RunSampleAsync("--bootstrap-servers", "127.0.0.1:1", "--json");

        code.Should().Be(1);
        stderr.Trim().Should().StartWith("A: no Kafka broker answered at 127.0.0.1:1").And.NotContain("\n");
        elapsed.Should().BeLessThan(TimeSpan.FromSeconds(20), "the reachability check gives up after 5 s (process start included)");
    }

    [Fact(Timeout = 60_000)]
    public async Task Sample_MalformedInputFile_ExitsOneWithOneLineNamingThePosition()
    {
        var file = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, "[{\"EVENT_NO_TRIP\": \"1\", ", TestContext.Current.CancellationToken);
        try
        {
            var (code, _, stderr, _) = await RunSampleAsync("--input", file, "--json");

            code.Should().Be(1);
            var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("A: ", StringComparison.Ordinal)).ToList();
            lines.Should().ContainSingle().Which.Should().Contain(Path.GetFileName(file));
            stderr.Should().NotContain("   at ", "no stack trace without --verbose");
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<(int Code, string Stdout, string Stderr, TimeSpan Elapsed)> RunSampleAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(SamplePath("A.Initialization"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stdout, await stderr, clock.Elapsed);
    }

    private static string SamplePath(string name)
    {
        // Run the sample from its own output folder: this test project also references ASP.NET Core (sample B's web
        // face), so the build leaves framework-provided assemblies such as Microsoft.Extensions.Logging.Abstractions
        // out of the tests' folder, and the sample's own runtimeconfig (no ASP.NET Core) would not find them here.
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testOutput.Name;
        var configuration = testOutput.Parent!.Name;
        var root = testOutput;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Breadcrumb.Kafka.sln")))
        {
            root = root.Parent;
        }

        root.Should().NotBeNull($"the repository root (with Breadcrumb.Kafka.sln) is above {testOutput.FullName}");
        var path = Path.Combine(root!.FullName, "samples", name, "bin", configuration, framework, $"{name}.dll");
        File.Exists(path).Should().BeTrue($"{path} is built with the solution (the test project references it)");
        return path;
    }
}
