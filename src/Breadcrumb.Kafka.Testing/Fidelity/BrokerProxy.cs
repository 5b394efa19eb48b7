using System.Net;
using System.Net.Sockets;

namespace Breadcrumb.Kafka.Testing.Fidelity;

/// <summary>Listens on a loopback port in front of one mock broker and relays each client connection to it.</summary>
internal sealed class BrokerProxy : IAsyncDisposable
{
    private readonly Socket listener;
    private readonly IPEndPoint upstream;
    private readonly TrafficInspector inspector;
    private readonly FidelityDiagnostics diagnostics;
    private readonly CancellationTokenSource stopping = new();
    private readonly List<Task> connections = [];
    private readonly Lock gate = new();
    private readonly Task acceptLoop;

    public BrokerProxy(IPEndPoint upstream, TrafficInspector inspector, FidelityDiagnostics diagnostics)
    {
        this.upstream = upstream;
        this.inspector = inspector;
        this.diagnostics = diagnostics;
        listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(512);
        Port = ((IPEndPoint)listener.LocalEndPoint!).Port;
        acceptLoop = Task.Run(AcceptAsync);
    }

    /// <summary>Gets the loopback port clients connect to.</summary>
    public int Port { get; }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        listener.Close();
        Task[] running;
        lock (gate)
        {
            running = [acceptLoop, .. connections];
        }

        await Task.WhenAll(running).ConfigureAwait(false);
        stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync(stopping.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var task = RelayAsync(client);
            lock (gate)
            {
                connections.RemoveAll(t => t.IsCompleted);
                connections.Add(task);
            }
        }
    }

    private async Task RelayAsync(Socket client)
    {
        var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        client.NoDelay = true;
        try
        {
            await server.ConnectAsync(upstream, stopping.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException)
        {
            // The mock broker is down (fault injection) or stopping: refuse the client as the broker would.
            client.Close();
            server.Close();
            return;
        }

        await new ProxyConnection(client, server, inspector, diagnostics).RunAsync(stopping.Token).ConfigureAwait(false);
    }
}
