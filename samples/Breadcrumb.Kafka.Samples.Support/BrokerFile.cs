using System.Diagnostics;
using System.Net.Sockets;
using System.Text.Json;

namespace Breadcrumb.Kafka.Samples;

/// <summary>
/// The well-known file where <c>samples/Broker</c> publishes its bootstrap address, so samples in other
/// terminals use its embedded broker (<c>$TMPDIR/breadcrumb-kafka/broker.json</c>).
/// </summary>
public static class BrokerFile
{
    /// <summary>Gets the file's path.</summary>
    public static string DefaultPath { get; } = Path.Combine(Path.GetTempPath(), "breadcrumb-kafka", "broker.json");

    /// <summary>Writes the file for this process.</summary>
    /// <param name="bootstrapServers">The embedded broker's bootstrap address.</param>
    /// <param name="topic">The lab topic the host created.</param>
    /// <param name="path">The file; <see cref="DefaultPath"/> when null.</param>
    public static void Write(string bootstrapServers, string topic, string? path = null)
    {
        path ??= DefaultPath;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var entry = new BrokerFileEntry(bootstrapServers, Environment.ProcessId, topic);
        File.WriteAllText(path, JsonSerializer.Serialize(entry, SampleJson.Options));
    }

    /// <summary>Deletes the file if this process wrote it.</summary>
    /// <param name="path">The file; <see cref="DefaultPath"/> when null.</param>
    public static void Remove(string? path = null)
    {
        path ??= DefaultPath;
        if (TryRead(path, out var entry) && entry.ProcessId == Environment.ProcessId)
        {
            File.Delete(path);
        }
    }

    /// <summary>Finds a live broker host: the file exists, its process runs and its port accepts a connection.</summary>
    /// <param name="path">The file; <see cref="DefaultPath"/> when null.</param>
    /// <param name="cancellationToken">Cancels the port check.</param>
    /// <returns>The bootstrap address, or null when there is no live host.</returns>
    public static async Task<string?> FindLiveAsync(string? path = null, CancellationToken cancellationToken = default)
    {
        if (!TryRead(path ?? DefaultPath, out var entry) || !IsAlive(entry.ProcessId))
        {
            return null;
        }

        foreach (var server in entry.BootstrapServers.Split(',', StringSplitOptions.TrimEntries))
        {
            var colon = server.LastIndexOf(':');
            if (colon > 0 && int.TryParse(server.AsSpan(colon + 1), out var port)
                && await PortAnswersAsync(server[..colon], port, cancellationToken).ConfigureAwait(false))
            {
                return entry.BootstrapServers;
            }
        }

        return null;
    }

    private static bool TryRead(string path, out BrokerFileEntry entry)
    {
        entry = null!;
        try
        {
            if (!File.Exists(path))
            {
                return false;
            }

            entry = JsonSerializer.Deserialize<BrokerFileEntry>(File.ReadAllText(path), SampleJson.Options)!;
            return entry is { BootstrapServers.Length: > 0 };
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            // A half-written or foreign file means "no broker host"; the sample starts its own.
            return false;
        }
    }

    private static bool IsAlive(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static async Task<bool> PortAnswersAsync(string host, int port, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(1));
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(host, port, timeout.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return false;
        }
    }

    private sealed record BrokerFileEntry(string BootstrapServers, int ProcessId, string Topic);
}
