using System.Runtime.InteropServices;

namespace Breadcrumb.Kafka.Broker.Tool.Hosting;

/// <summary>
/// Turns Ctrl+C, SIGTERM and SIGHUP into a cancelled token, so the cluster is disposed and the tool exits 0.
/// A second signal while stopping is left to its default action, so a stuck stop can still be interrupted.
/// </summary>
internal sealed class StopSignals : IDisposable
{
    private readonly List<PosixSignalRegistration> registrations = [];

    private StopSignals()
    {
    }

    public static StopSignals Register(CancellationTokenSource stop)
    {
        var signals = new StopSignals();
        void OnSignal(PosixSignalContext context)
        {
            if (!stop.IsCancellationRequested)
            {
                context.Cancel = true;
                stop.Cancel();
            }
        }

        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP })
        {
            signals.registrations.Add(PosixSignalRegistration.Create(signal, OnSignal));
        }

        return signals;
    }

    public void Dispose()
    {
        foreach (var registration in registrations)
        {
            registration.Dispose();
        }
    }
}
