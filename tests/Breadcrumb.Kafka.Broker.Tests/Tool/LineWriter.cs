using System.Text;
using System.Threading.Channels;

namespace Breadcrumb.Kafka.Broker.Tests.Tool;

/// <summary>A stdout or stderr for the tool in process: keeps everything written and hands out whole lines as they come.</summary>
internal sealed class LineWriter : TextWriter
{
    private readonly Lock gate = new();
    private readonly StringBuilder all = new();
    private readonly StringBuilder line = new();
    private readonly Channel<string> lines = Channel.CreateUnbounded<string>();

    public override Encoding Encoding => Encoding.UTF8;

    /// <summary>Gets everything written so far.</summary>
    public string Text
    {
        get
        {
            lock (gate)
            {
                return all.ToString();
            }
        }
    }

    public override void Write(char value)
    {
        lock (gate)
        {
            all.Append(value);
            if (value == '\n')
            {
                lines.Writer.TryWrite(line.ToString().TrimEnd('\r'));
                line.Clear();
            }
            else
            {
                line.Append(value);
            }
        }
    }

    /// <summary>Waits for the next whole line, up to <paramref name="timeout"/>.</summary>
    public async Task<string> ReadLineAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            return await lines.Reader.ReadAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"No line within {timeout.TotalSeconds} s; written so far:\n{Text}");
        }
    }
}
