using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Breadcrumb.Kafka.Broker.Tests.Clients;

/// <summary>
/// Runs the kafkajs scripts of tests/clients/kafkajs with node against a broker and returns the one JSON line each
/// prints. Without node or the npm install the test fails when CI=true (CI must run them) and is skipped otherwise.
/// </summary>
internal sealed class KafkaJsRunner
{
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromSeconds(30);

    private KafkaJsRunner(string node, string scripts)
    {
        Node = node;
        Scripts = scripts;
    }

    public string Node { get; }

    public string Scripts { get; }

    /// <summary>Finds node and the installed scripts, or fails (CI) or skips (elsewhere) the calling test with the reason.</summary>
    public static KafkaJsRunner FindOrSkip()
    {
        var scripts = FindScriptsFolder();
        string? problem = null;
        var node = FindOnPath("node");
        if (scripts is null)
        {
            problem = $"tests/clients/kafkajs was not found above {AppContext.BaseDirectory}.";
        }
        else if (node is null)
        {
            problem = "node is not on PATH: install Node.js 18+ to run the kafkajs client tests.";
        }
        else if (!File.Exists(Path.Combine(scripts, "node_modules", "kafkajs", "package.json")))
        {
            problem = $"kafkajs is not installed in {scripts}: run `npm ci --prefix tests/clients/kafkajs` (.ci/run does).";
        }

        if (problem is null)
        {
            return new KafkaJsRunner(node!, scripts!);
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail($"CI=true, so the kafkajs client tests must run, but {problem}");
        }

        Assert.Skip(problem);
        return null!;
    }

    /// <summary>Runs one script; fails with its exit code, stdout and stderr unless it exits 0 with a JSON line.</summary>
    public async Task<JsonObject> RunAsync(string script, string bootstrapServers, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(Node)
        {
            WorkingDirectory = Scripts,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(Scripts, script));
        info.ArgumentList.Add(bootstrapServers);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {Node}.");
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(ScriptTimeout);
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            Assert.Fail($"node {script} {bootstrapServers} did not finish within {ScriptTimeout.TotalSeconds:F0} s.\n{await Describe(stdout, stderr)}");
        }

        var output = await stdout;
        var lastLine = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        if (process.ExitCode != 0 || lastLine is null)
        {
            Assert.Fail($"node {script} {bootstrapServers} exited with {process.ExitCode}.\n{await Describe(stdout, stderr)}");
        }

        try
        {
            return JsonNode.Parse(lastLine)!.AsObject();
        }
        catch (System.Text.Json.JsonException e)
        {
            Assert.Fail($"node {script} printed a last line that is not JSON ({e.Message}).\n{await Describe(stdout, stderr)}");
            throw;
        }
    }

    private static async Task<string> Describe(Task<string> stdout, Task<string> stderr) =>
        $"--- stdout ---\n{await stdout}\n--- stderr ---\n{await stderr}";

    private static string? FindScriptsFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "clients", "kafkajs");
            if (File.Exists(Path.Combine(candidate, "package.json")))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string? FindOnPath(string name)
    {
        var names = OperatingSystem.IsWindows() ? new[] { name + ".exe", name + ".cmd" } : [name];
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var file in names)
            {
                var path = Path.Combine(dir, file);
                if (File.Exists(path))
                {
                    return path;
                }
            }
        }

        return null;
    }
}
