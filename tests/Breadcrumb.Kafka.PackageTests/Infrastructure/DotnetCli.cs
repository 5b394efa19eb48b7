using System.Diagnostics;

namespace Breadcrumb.Kafka.PackageTests.Infrastructure;

/// <summary>Runs the <c>dotnet</c> CLI as a child process, the way a user types it in a terminal.</summary>
internal static class DotnetCli
{
    /// <summary>Gets the dotnet host running these tests, so children use the same SDK install.</summary>
    private static string Host =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path && File.Exists(path) ? path : "dotnet";

    public static async Task<ProcessResult> RunAsync(
        string workingDirectory, TimeSpan timeout, CancellationToken cancellationToken, params string[] arguments)
    {
        var start = new ProcessStartInfo(Host)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        PrepareEnvironment(start.Environment);
        var command = $"dotnet {string.Join(' ', arguments)}";
        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start `{command}`.");
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            timedOut = true;
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }

        var result = new ProcessResult(command, workingDirectory, process.ExitCode, await stdout, await stderr, stopwatch.Elapsed);
        return timedOut
            ? result with { ExitCode = -1, StandardError = $"KILLED after the {timeout.TotalSeconds:F0} s limit.\n{result.StandardError}" }
            : result;
    }

    /// <summary>Runs a command and throws with its full output when it fails.</summary>
    public static async Task<ProcessResult> RunCheckedAsync(
        string workingDirectory, TimeSpan timeout, CancellationToken cancellationToken, params string[] arguments)
    {
        var result = await RunAsync(workingDirectory, timeout, cancellationToken, arguments);
        return result.Succeeded ? result : throw new InvalidOperationException(result.Describe());
    }

    private static void PrepareEnvironment(IDictionary<string, string?> environment)
    {
        // The test host inherits MSBuild's own variables from `dotnet test`; a child build that sees them
        // can pick up the parent's SDK paths or node settings instead of resolving its own.
        foreach (var name in environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            environment.Remove(name);
        }

        environment["DOTNET_NOLOGO"] = "1";
        environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        environment["DOTNET_CLI_UI_LANGUAGE"] = "en";

        // No MSBuild worker nodes or build server outliving the test: they would hold this test's temp folders.
        environment["MSBUILDDISABLENODEREUSE"] = "1";
        environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
    }
}
