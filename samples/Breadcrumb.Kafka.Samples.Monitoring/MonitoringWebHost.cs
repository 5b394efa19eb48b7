using System.Text.Json;
using Breadcrumb.Kafka.Lab;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Breadcrumb.Kafka.Samples.Monitoring;

/// <summary>
/// Serves sample B's monitoring page on 127.0.0.1 (a free port): per-partition offsets, records/s in and out, stored
/// bytes (or "not reported") and consumer lag per group, as Chart.js charts updated over server-sent events.
/// </summary>
/// <remarks>Everything the page loads comes from this assembly; the browser fetches nothing from the internet.</remarks>
public sealed class MonitoringWebHost : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly CancellationTokenSource stopping;
    private readonly Task sampling;

    private MonitoringWebHost(WebApplication app, CancellationTokenSource stopping, Task sampling, Uri url)
    {
        this.app = app;
        this.stopping = stopping;
        this.sampling = sampling;
        Url = url;
    }

    /// <summary>Gets the page's address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Url { get; }

    /// <summary>Starts the web host and its sampler (one sample per second).</summary>
    /// <param name="connection">Where the topic lives.</param>
    /// <param name="topic">The topic to watch.</param>
    /// <param name="groups">The consumer groups whose lag to show (may be empty).</param>
    /// <param name="cancellationToken">Stops starting.</param>
    /// <returns>The running host; dispose it to stop.</returns>
    /// <exception cref="ArgumentException"><paramref name="topic"/> is empty.</exception>
    public static Task<MonitoringWebHost> StartAsync(
        KafkaConnection connection, string topic, IReadOnlyList<string> groups, CancellationToken cancellationToken = default) =>
        StartAsync(connection, topic, groups, TimeSpan.FromSeconds(1), cancellationToken);

    /// <summary>Starts the web host and its sampler.</summary>
    /// <param name="connection">Where the topic lives.</param>
    /// <param name="topic">The topic to watch.</param>
    /// <param name="groups">The consumer groups whose lag to show (may be empty).</param>
    /// <param name="interval">Time between samples (at least 100 ms).</param>
    /// <param name="cancellationToken">Stops starting.</param>
    /// <returns>The running host; dispose it to stop.</returns>
    /// <exception cref="ArgumentException"><paramref name="topic"/> is empty or <paramref name="interval"/> is under 100 ms.</exception>
    public static Task<MonitoringWebHost> StartAsync(
        KafkaConnection connection, string topic, IReadOnlyList<string> groups, TimeSpan interval, CancellationToken cancellationToken = default) =>
        StartAsync(new TopicInspector(connection), topic, groups, interval, cancellationToken);

    /// <summary>Starts the web host and its sampler over an inspector (which may report stored bytes).</summary>
    /// <param name="inspector">Reads watermarks, group offsets and, if it has a reporter, stored bytes.</param>
    /// <param name="topic">The topic to watch.</param>
    /// <param name="groups">The consumer groups whose lag to show (may be empty).</param>
    /// <param name="interval">Time between samples (at least 100 ms).</param>
    /// <param name="cancellationToken">Stops starting.</param>
    /// <returns>The running host; dispose it to stop.</returns>
    /// <exception cref="ArgumentException"><paramref name="topic"/> is empty or <paramref name="interval"/> is under 100 ms.</exception>
    public static async Task<MonitoringWebHost> StartAsync(
        TopicInspector inspector, string topic, IReadOnlyList<string> groups, TimeSpan interval, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inspector);
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        ArgumentNullException.ThrowIfNull(groups);
        if (interval < TimeSpan.FromMilliseconds(100))
        {
            throw new ArgumentException($"MonitoringWebHost interval must be at least 100 ms (was {interval.TotalMilliseconds} ms).", nameof(interval));
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        var app = builder.Build();
        var hub = new SnapshotHub();
        MapRoutes(app, hub);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var stopping = new CancellationTokenSource();
        var sampler = new MonitoringSampler(inspector, topic, [.. groups], TimeProvider.System);
        var sampling = Task.Run(() => SampleLoopAsync(sampler, hub, interval, stopping.Token), CancellationToken.None);
        return new MonitoringWebHost(app, stopping, sampling, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>Stops sampling and the web host.</summary>
    /// <returns>A task that completes when both have stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        await sampling.ConfigureAwait(false);
        await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
        stopping.Dispose();
    }

    private static async Task SampleLoopAsync(MonitoringSampler sampler, SnapshotHub hub, TimeSpan interval, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var snapshot = await sampler.SampleAsync(cancellationToken).ConfigureAwait(false);
                hub.Publish(JsonSerializer.Serialize(snapshot, MonitoringJsonContext.Default.MonitoringSnapshot));
                await Task.Delay(interval, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed sample (topic not there yet, broker restarting) is retried at the next tick.
            catch (Exception)
#pragma warning restore CA1031
            {
                await Task.Delay(interval, cancellationToken).ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
            }
        }
    }

    private static void MapRoutes(WebApplication app, SnapshotHub hub)
    {
        app.MapGet("/", () => Asset("index.html", "text/html; charset=utf-8"));
        app.MapGet("/app.js", () => Asset("app.js", "text/javascript"));
        app.MapGet("/chart.umd.min.js", () => Asset("chart.umd.min.js", "text/javascript"));
        app.MapGet("/snapshot", () => hub.Current.Json is { } json ? Results.Text(json, "application/json") : Results.NoContent());
        app.MapGet("/events", (HttpContext context) => StreamAsync(context, hub));
    }

    private static IResult Asset(string name, string contentType)
    {
        var stream = typeof(MonitoringWebHost).Assembly.GetManifestResourceStream("wwwroot/" + name)
            ?? throw new InvalidOperationException($"The page asset '{name}' is not embedded in {typeof(MonitoringWebHost).Assembly.GetName().Name}.");
        return Results.Stream(stream, contentType);
    }

    private static async Task StreamAsync(HttpContext context, SnapshotHub hub)
    {
        var cancellationToken = context.RequestAborted;
        context.Response.Headers.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        var sent = 0L;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var (version, json, next) = hub.Current;
                if (version != sent && json is not null)
                {
                    await context.Response.WriteAsync("data: " + json + "\n\n", cancellationToken).ConfigureAwait(false);
                    await context.Response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
                    sent = version;
                }

                await next.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The page went away.
        }
    }
}
