using System.Globalization;
using System.Net;
using Breadcrumb.Kafka.Testing.Fidelity.Protocol;
using Breadcrumb.Kafka.Testing.Native;

namespace Breadcrumb.Kafka.Testing.Fidelity;

/// <summary>
/// The transaction-aware layer in front of the mock cluster: one loopback proxy per broker, which the mock advertises
/// in its Metadata and FindCoordinator answers instead of its own listeners.
/// </summary>
internal sealed class FidelityLayer : IAsyncDisposable
{
    private readonly List<BrokerProxy> proxies;

    private FidelityLayer(List<BrokerProxy> proxies, TransactionLedger ledger, FidelityDiagnostics diagnostics)
    {
        this.proxies = proxies;
        Ledger = ledger;
        Diagnostics = diagnostics;
        BootstrapServers = string.Join(',', proxies.Select(p => $"127.0.0.1:{p.Port.ToString(CultureInfo.InvariantCulture)}"));
    }

    public string BootstrapServers { get; }

    public TransactionLedger Ledger { get; }

    public FidelityDiagnostics Diagnostics { get; }

    /// <summary>
    /// Caps the mock's versions of the requests the layer reads to non-flexible ones, starts one proxy per broker
    /// and makes the mock advertise the proxies.
    /// </summary>
    /// <param name="cluster">The mock cluster.</param>
    /// <param name="mockBootstraps">The mock's own listeners, in broker id order (ids 1..N).</param>
    /// <param name="admin">Carries out the admin requests the layer answers.</param>
    public static FidelityLayer Start(IntPtr cluster, string mockBootstraps, IMockAdmin admin)
    {
        Cap(cluster, KafkaApiKey.Produce, ProduceMessages.MaxVersion);
        Cap(cluster, KafkaApiKey.Fetch, FetchResponse.MaxVersion);
        Cap(cluster, KafkaApiKey.ListOffsets, ListOffsetsMessages.MaxVersion);
        Cap(cluster, KafkaApiKey.EndTxn, EndTxnMessages.MaxVersion);

        var ledger = new TransactionLedger();
        var diagnostics = new FidelityDiagnostics();
        var inspector = new TrafficInspector(ledger, admin);
        var proxies = new List<BrokerProxy>();
        var brokerId = 1;
        foreach (var address in mockBootstraps.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var proxy = new BrokerProxy(ParseEndPoint(address), inspector, diagnostics);
            proxies.Add(proxy);
            MockClusterNative.BrokerSetHostPort(cluster, brokerId++, "127.0.0.1", proxy.Port);
        }

        return new FidelityLayer(proxies, ledger, diagnostics);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var proxy in proxies)
        {
            await proxy.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static void Cap(IntPtr cluster, KafkaApiKey apiKey, short maxVersion)
    {
        var error = MockClusterNative.SetApiVersion(cluster, (short)apiKey, 0, maxVersion);
        if (error != 0)
        {
            throw new InvalidOperationException(
                $"librdkafka's mock refused to cap {apiKey} at version {maxVersion} (error {error}); start the cluster with Fidelity = RawMock.");
        }
    }

    private static IPEndPoint ParseEndPoint(string address)
    {
        var colon = address.LastIndexOf(':');
        var host = address[..colon];
        var port = int.Parse(address[(colon + 1)..], CultureInfo.InvariantCulture);
        return new IPEndPoint(IPAddress.TryParse(host, out var ip) ? ip : IPAddress.Loopback, port);
    }
}
