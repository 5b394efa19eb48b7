using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Breadcrumb.Kafka.BrowserTests;

/// <summary>
/// Debian's headless Chromium with one page, driven over the DevTools protocol (a WebSocket): no browser download,
/// no driver. <see cref="EvaluateAsync"/> runs JavaScript in the page and returns its JSON result.
/// </summary>
internal sealed class HeadlessChromium : IAsyncDisposable
{
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    private readonly Process process;
    private readonly DirectoryInfo profile;
    private readonly ClientWebSocket socket;
    private int nextId;

    private HeadlessChromium(Process process, DirectoryInfo profile, ClientWebSocket socket)
    {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
    }

    /// <summary>Returns the browser executable; fails in CI (CI=true) and skips elsewhere when none is installed.</summary>
    public static string Require()
    {
        var found = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : Candidates.FirstOrDefault(File.Exists);
        if (found is not null)
        {
            return found;
        }

        const string Missing = "Chromium is not installed: apt-get install -y chromium (or set CHROMIUM_PATH).";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(Missing + " CI must run the browser tests (.ci/run installs it).");
        }

        Assert.Skip(Missing);
        return string.Empty;
    }

    /// <summary>Starts Chromium on <paramref name="url"/> with a fresh profile and connects to the page.</summary>
    public static async Task<HeadlessChromium> OpenAsync(string executable, Uri url, CancellationToken cancellationToken)
    {
        var profile = Directory.CreateTempSubdirectory("bk-chromium-");
        var start = new ProcessStartInfo(executable) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", $"--user-data-dir={profile.FullName}",
            "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", url.ToString(),
        })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}.");
        process.ErrorDataReceived += (_, _) => { };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var socket = new ClientWebSocket();
        try
        {
            var port = await PortAsync(profile, process, cancellationToken);
            using var http = new HttpClient();
            var targets = JsonNode.Parse(await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/json/list"), cancellationToken))!.AsArray();
            var page = targets.First(t => (string?)t!["type"] == "page")!;
            await socket.ConnectAsync(new Uri((string)page["webSocketDebuggerUrl"]!), cancellationToken);
            return new HeadlessChromium(process, profile, socket);
        }
        catch
        {
            socket.Dispose();
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    /// <summary>Evaluates <paramref name="expression"/> in the page and returns its value (by value, as JSON).</summary>
    public async Task<JsonNode?> EvaluateAsync(string expression, CancellationToken cancellationToken)
    {
        var id = ++nextId;
        var request = new JsonObject
        {
            ["id"] = id,
            ["method"] = "Runtime.evaluate",
            ["params"] = new JsonObject { ["expression"] = expression, ["returnByValue"] = true },
        };
        await socket.SendAsync(Encoding.UTF8.GetBytes(request.ToJsonString()), WebSocketMessageType.Text, true, cancellationToken);
        while (true)
        {
            var message = await ReceiveAsync(cancellationToken);
            if ((int?)message["id"] == id)
            {
                return message["result"]?["result"]?["value"];
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        socket.Dispose();
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }

        process.Dispose();
        profile.Delete(recursive: true);
    }

    // Chromium writes the port it picked to DevToolsActivePort in the profile once it listens.
    private static async Task<int> PortAsync(DirectoryInfo profile, Process process, CancellationToken cancellationToken)
    {
        var file = Path.Combine(profile.FullName, "DevToolsActivePort");
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Chromium exited with code {process.ExitCode} before opening DevTools.");
            }

            if (File.Exists(file) && (await File.ReadAllLinesAsync(file, cancellationToken)) is [var first, ..] && int.TryParse(first, out var port))
            {
                return port;
            }

            await Task.Delay(50, cancellationToken);
        }

        throw new TimeoutException("Chromium did not open its DevTools port within 60 s.");
    }

    private async Task<JsonNode> ReceiveAsync(CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(chunk, cancellationToken);
            buffer.Write(chunk, 0, result.Count);
        }
        while (!result.EndOfMessage);
        return JsonNode.Parse(buffer.ToArray()) ?? throw new JsonException("DevTools sent an empty message.");
    }
}
