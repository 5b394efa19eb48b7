using System.Diagnostics;

namespace Breadcrumb.Kafka.Broker.Tests.Tool;

/// <summary>kafka-embedded as a process (issue 19): signals stop it cleanly, bad arguments exit 2.</summary>
public sealed class ToolProcessTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Theory(Timeout = 90_000)]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task Signal_StopsTheClusterAndExitsZero(string signal)
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("POSIX signals are sent with kill(1); Windows has neither.");
        }

        using var sut = StartTool(signal, "--log-level", "none");
        var bootstrap = await sut.StandardOutput.ReadLineAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(Deadline, TestContext.Current.CancellationToken);
        bootstrap.Should().MatchRegex(@"^127\.0\.0\.1:\d+$");

        using (var kill = Process.Start("kill", ["-s", signal, sut.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        await WaitForExitAsync(sut);
        var stderr = await sut.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        sut.ExitCode.Should().Be(0, stderr);
        stderr.Should().Contain("kafka-embedded: stopped.");
    }

    [Fact(Timeout = 60_000)]
    public async Task BadArgument_ExitsTwoWithTheMessageOnStderr()
    {
        using var sut = StartTool(signal: null, "--brokers", "0");

        await WaitForExitAsync(sut);

        sut.ExitCode.Should().Be(2);
        (await sut.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken)).Should().BeEmpty();
        (await sut.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken)).Should().Be(
            "kafka-embedded: --brokers must be a whole number from 1 to 64 (was '0')." + Environment.NewLine
            + "Run 'kafka-embedded --help' to see every option." + Environment.NewLine);
    }

    /// <summary>Runs the tool's build output (copied here by the project reference) with the dotnet host running the tests.</summary>
    /// <param name="signal">A signal the test will send; when this process ignores it (tests run as a shell's background
    /// job ignore INT, and children inherit that), the tool is started with it restored, as a terminal user's would be.</param>
    /// <param name="args">The tool's arguments.</param>
    private static Process StartTool(string? signal, params string[] args)
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path && File.Exists(path) ? path : "dotnet";
        var restore = signal is not null && IgnoredHere(signal);
        var start = new ProcessStartInfo(restore ? "env" : host)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (restore)
        {
            start.ArgumentList.Add($"--default-signal={signal}");
            start.ArgumentList.Add(host);
        }

        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Breadcrumb.Kafka.Broker.Tool.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("Could not start the tool.");
    }

    /// <summary>Whether this process ignores <paramref name="signal"/> (Linux: the SigIgn mask in /proc/self/status).</summary>
    private static bool IgnoredHere(string signal)
    {
        var number = signal switch { "INT" => 2, "TERM" => 15, _ => throw new ArgumentOutOfRangeException(nameof(signal), signal, "INT or TERM") };
        const string Status = "/proc/self/status";
        var mask = File.Exists(Status)
            ? File.ReadLines(Status).FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal))?["SigIgn:".Length..].Trim()
            : null;
        return mask is not null && (Convert.ToUInt64(mask, 16) & (1UL << (number - 1))) != 0;
    }

    private static async Task WaitForExitAsync(Process process)
    {
        try
        {
            await process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(Deadline, TestContext.Current.CancellationToken);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
    }
}
