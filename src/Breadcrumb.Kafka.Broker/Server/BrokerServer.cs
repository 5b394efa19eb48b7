using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Breadcrumb.Kafka.Broker.Server;

/// <summary>One broker of the cluster: a node id and a TCP listener whose connections it serves until stopped.</summary>
internal sealed partial class BrokerServer : IAsyncDisposable
{
    private readonly ClusterCore cluster;
    private readonly ConcurrentDictionary<long, (ClientConnection Connection, Task Run)> connections = new();
    private readonly CancellationTokenSource stopping = new();
    private Socket? listener;
    private Task accepting = Task.CompletedTask;
    private long nextConnectionId;

    public BrokerServer(ClusterCore cluster, int nodeId, string host, int port)
    {
        this.cluster = cluster;
        NodeId = nodeId;
        Host = host;
        Port = port;
    }

    public int NodeId { get; }

    public string Host { get; }

    /// <summary>Gets the port, known once the listener is bound (a requested 0 becomes a free port).</summary>
    public int Port { get; private set; }

    public int ConnectionCount => connections.Count;

    public bool IsListening => listener is not null;

    public void Start()
    {
        var address = Host == "localhost" ? IPAddress.Loopback : IPAddress.Parse(Host);
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            // No ReuseAddress: on Linux .NET turns it into SO_REUSEPORT as well, which lets a second process bind a port
            // this broker listens on (and take some of its connections) instead of failing. Rebinding through TIME_WAIT
            // (SetBrokerUp) works without it: .NET sets SO_REUSEADDR on Unix TCP sockets itself.
            socket.Bind(new IPEndPoint(address, Port));
            socket.Listen(512);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        Port = ((IPEndPoint)socket.LocalEndPoint!).Port;
        listener = socket;
        accepting = AcceptLoopAsync(socket);
    }

    /// <summary>Closes every open client connection; the listener stays.</summary>
    public void AbortConnections()
    {
        foreach (var (_, entry) in connections)
        {
            entry.Connection.Abort();
        }
    }

    /// <summary>Stops listening and closes every connection; <see cref="Start"/> listens again on the same port.</summary>
    public async Task StopAsync()
    {
        var socket = listener;
        listener = null;
        socket?.Dispose();
        await accepting.ConfigureAwait(false);
        AbortConnections();

        await Task.WhenAll(connections.Values.Select(c => c.Run)).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        await StopAsync().ConfigureAwait(false);
        stopping.Dispose();
    }

    private async Task AcceptLoopAsync(Socket socket)
    {
        while (true)
        {
            Socket client;
            try
            {
                client = await socket.AcceptAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return;
            }

            if (connections.Count >= cluster.Options.MaxConnectionsPerBroker)
            {
                LogRefused(cluster.Logger, NodeId, cluster.Options.MaxConnectionsPerBroker);
                client.Dispose();
                continue;
            }

            client.NoDelay = true;
            var id = Interlocked.Increment(ref nextConnectionId);
            var connection = new ClientConnection(cluster, this, client, id, stopping.Token);
            // Registered before it runs, so a connection that ends at once is still removed.
            var start = new Task<Task>(() => ServeAsync(id, connection));
            connections[id] = (connection, start.Unwrap());
            start.Start(TaskScheduler.Default);
        }
    }

    private async Task ServeAsync(long id, ClientConnection connection)
    {
        try
        {
            await connection.RunAsync().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // Nothing a client sends may stop the broker: log what slipped through and close only this connection.
            LogConnectionFailed(cluster.Logger, e, NodeId, id);
        }
        finally
        {
            connections.TryRemove(id, out _);
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Broker {NodeId} refused a connection: {Max} are open (KafkaClusterOptions.MaxConnectionsPerBroker).")]
    private static partial void LogRefused(ILogger logger, int nodeId, int max);

    [LoggerMessage(Level = LogLevel.Error, Message = "Broker {NodeId} connection {Id} failed unexpectedly and was closed.")]
    private static partial void LogConnectionFailed(ILogger logger, Exception exception, int nodeId, long id);
}
