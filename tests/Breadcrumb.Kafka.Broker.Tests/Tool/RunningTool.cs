using System.IO.Pipes;
using Breadcrumb.Kafka.Broker.Tool;
using Breadcrumb.Kafka.Broker.Tool.CommandLine;
using Breadcrumb.Kafka.Broker.Tool.Hosting;

namespace Breadcrumb.Kafka.Broker.Tests.Tool;

/// <summary>The tool's host run in this process, as Program runs it: its stdout, stderr, a stdin pipe and a stop token.</summary>
internal sealed class RunningTool : IAsyncDisposable
{
    private static readonly TimeSpan ExitDeadline = TimeSpan.FromSeconds(20);
    private readonly CancellationTokenSource stop = new();
    private readonly AnonymousPipeServerStream stdinWriter = new(PipeDirection.Out);
    private readonly AnonymousPipeClientStream stdinReader;

    private RunningTool(ToolSettings settings)
    {
        stdinReader = new AnonymousPipeClientStream(PipeDirection.In, stdinWriter.ClientSafePipeHandle);
        var input = settings.ExitOnStdinClose ? stdinReader : null;
        Exit = Task.Run(() => new ToolHost(Output, Error, input).RunAsync(settings, loggerFactory: null, stop.Token));
    }

    public LineWriter Output { get; } = new();

    public LineWriter Error { get; } = new();

    /// <summary>Gets the exit code, once the host returns.</summary>
    public Task<int> Exit { get; }

    /// <summary>Starts the host with arguments that must parse.</summary>
    public static RunningTool Start(params string[] args)
    {
        var arguments = new ToolCommandLine().Parse(args);
        arguments.Errors.Should().BeEmpty();
        return new RunningTool(arguments.Settings!);
    }

    /// <summary>Does what Ctrl+C and SIGTERM do.</summary>
    public void Stop() => stop.Cancel();

    /// <summary>Closes the tool's stdin.</summary>
    public void CloseInput() => stdinWriter.Dispose();

    public async Task<int> WaitForExitAsync() => await Exit.WaitAsync(ExitDeadline, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        stop.Cancel();
        await Exit.WaitAsync(ExitDeadline, CancellationToken.None);
        stop.Dispose();
        stdinWriter.Dispose();
        stdinReader.Dispose();
    }
}
