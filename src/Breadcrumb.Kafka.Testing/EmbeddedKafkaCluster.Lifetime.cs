using Breadcrumb.Kafka.Testing.Fidelity;
using Breadcrumb.Kafka.Testing.Native;

namespace Breadcrumb.Kafka.Testing;

/// <summary>
/// Stopping the cluster: its own reader clients first (they reach the mock through the layer's proxies, so stopping the
/// layer under them made librdkafka report "brokers are down"), then the fidelity layer, then the mock and its host client.
/// </summary>
public sealed partial class EmbeddedKafkaCluster
{
    /// <summary>Stops the cluster. Clients still connected see their connections close.</summary>
    public void Dispose()
    {
        DisposeReaders();
        var stopping = TakeLayer();
        if (stopping is not null)
        {
            // The relays end by themselves once the mock closes its side.
            _ = stopping.DisposeAsync().AsTask();
        }

        DestroyNative();
    }

    /// <summary>Stops the cluster and its layer on worker threads, since librdkafka's teardown blocks until its threads end.</summary>
    /// <returns>A task that completes when the cluster has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        await Task.Run(DisposeReaders).ConfigureAwait(false);
        var stopping = TakeLayer();
        if (stopping is not null)
        {
            await stopping.DisposeAsync().ConfigureAwait(false);
        }

        await Task.Run(DestroyNative).ConfigureAwait(false);
    }

    private FidelityLayer? TakeLayer()
    {
        lock (gate)
        {
            var taken = layer;
            layer = null;
            return taken;
        }
    }

    private void DestroyNative()
    {
        DisposeReaders();
        IntPtr mock, rk;
        lock (gate)
        {
            mock = cluster;
            rk = handle;
            cluster = IntPtr.Zero;
            handle = IntPtr.Zero;
        }

        if (mock != IntPtr.Zero)
        {
            MockClusterNative.ClusterDestroy(mock);
        }

        if (rk != IntPtr.Zero)
        {
            MockClusterNative.KafkaDestroy(rk);
        }
    }
}
