namespace Breadcrumb.Kafka.Broker.Tool.Hosting;

/// <summary>Waits for whichever comes first: the stop token (a signal) or the end of stdin.</summary>
internal static class StopTrigger
{
    public const string Requested = "stop requested";
    public const string InputClosed = "stdin closed";

    /// <summary>Returns why the tool stops.</summary>
    /// <param name="input">stdin to watch for its end; null to wait for <paramref name="stop"/> only.</param>
    /// <param name="stop">Cancelled by Ctrl+C, SIGTERM or SIGHUP.</param>
    public static async Task<string> WaitAsync(Stream? input, CancellationToken stop)
    {
        var stopped = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = stop.Register(() => stopped.TrySetResult(Requested));
        if (input is not null)
        {
            _ = WatchAsync(input, stopped, stop);
        }

        return await stopped.Task.ConfigureAwait(false);
    }

    private static async Task WatchAsync(Stream input, TaskCompletionSource<string> stopped, CancellationToken stop)
    {
        // What is written to stdin does not matter: only its end does, which also comes when the parent dies.
        var buffer = new byte[256];
        try
        {
            while (await input.ReadAsync(buffer, stop).ConfigureAwait(false) > 0)
            {
            }

            stopped.TrySetResult(InputClosed);
        }
        catch (OperationCanceledException)
        {
        }
        catch (IOException)
        {
            stopped.TrySetResult(InputClosed);
        }
        catch (ObjectDisposedException)
        {
            stopped.TrySetResult(InputClosed);
        }
    }
}
