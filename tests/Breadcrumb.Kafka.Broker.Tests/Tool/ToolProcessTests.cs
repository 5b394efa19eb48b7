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

        using var sut = StartTool("--log-level", "none");
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
        using var sut = StartTool("--brokers", "0");

        await WaitForExitAsync(sut);

        sut.ExitCode.Should().Be(2);
        (await sut.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken)).Should().BeEmpty();
        (await sut.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken)).Should().Be(
            "kafka-embedded: --brokers must be a whole number from 1 to 64 (was '0')." + Environment.NewLine
            + "Run 'kafka-embedded --help' to see every option." + Environment.NewLine);
    }

    /// <summary>Runs the tool's build output (copied here by the project reference) with the dotnet host running the tests.</summary>
    private static Process StartTool(params string[] args)
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path && File.Exists(path) ? path : "dotnet";
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Breadcrumb.Kafka.Broker.Tool.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("Could not start the tool.");
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
