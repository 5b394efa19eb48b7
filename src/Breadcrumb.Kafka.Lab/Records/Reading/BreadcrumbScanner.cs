using System.Globalization;
using System.Text.Json;

namespace Breadcrumb.Kafka.Lab;

/// <summary>
/// Parses a breadcrumb file incrementally from a growable buffer that the caller refills, keeping only the
/// unconsumed tail in memory, and knows the line and byte offset of every position for error messages.
/// </summary>
/// <remarks>
/// <see cref="Next"/> parses at most one record per call from the last committed point. When a record is cut by
/// the end of the buffer it returns <see cref="ScanStatus.NeedData"/> without committing, and the record is parsed
/// again after <see cref="FillAsync"/>; so errors are only raised (or reported as skipped) once a record is whole.
/// </remarks>
internal sealed partial class BreadcrumbScanner
{
    private static readonly JsonReaderOptions ArrayOptions = new() { CommentHandling = JsonCommentHandling.Disallow };
    private static readonly JsonReaderOptions LinesOptions = new() { AllowMultipleValues = true };

    private readonly string source;
    private readonly BreadcrumbReadOptions options;
    private readonly string?[] values = new string?[BreadcrumbFields.Count];
    private byte[] buffer;
    private int start;
    private int end;
    private bool eof;
    private long bufferOffset;
    private long linesBeforeBuffer;
    private long lastNewlineBeforeBuffer = -1;
    private JsonReaderState state;
    private long readerOriginOffset;
    private long readerOriginLine;
    private Phase phase;
    private bool isArray;
    private bool resyncToNewline;

    public BreadcrumbScanner(string source, BreadcrumbReadOptions options)
    {
        this.source = source;
        this.options = options;
        buffer = new byte[Math.Min(BreadcrumbFileDefaults.BufferSize, options.MaxRecordBytes)];
    }

    private enum Phase
    {
        Start,
        ArrayOpen,
        Records,
        AfterArray,
        Done,
    }

    /// <summary>Gets the 0-based index of the next record (valid or not) in the file.</summary>
    public long RecordIndex { get; private set; }

    /// <summary>Reads more bytes into the buffer, first dropping the committed part, growing it when it is full.</summary>
    /// <exception cref="BreadcrumbFileException">The pending record is longer than <see cref="BreadcrumbReadOptions.MaxRecordBytes"/>.</exception>
    public async ValueTask FillAsync(Stream stream, CancellationToken cancellationToken)
    {
        if (start > 0)
        {
            var dropped = buffer.AsSpan(0, start);
            var newlines = dropped.Count((byte)'\n');
            if (newlines > 0)
            {
                linesBeforeBuffer += newlines;
                lastNewlineBeforeBuffer = bufferOffset + dropped.LastIndexOf((byte)'\n');
            }

            buffer.AsSpan(start, end - start).CopyTo(buffer);
            bufferOffset += start;
            end -= start;
            start = 0;
        }

        if (end == buffer.Length)
        {
            if (end >= options.MaxRecordBytes)
            {
                var recordStart = Math.Max(0, buffer.AsSpan(0, end).IndexOfAnyExcept(" \t\r\n,"u8));
                throw Error(
                    recordStart,
                    string.Create(CultureInfo.InvariantCulture, $"the record is longer than {options.MaxRecordBytes} bytes"),
                    "Look for a missing closing quote or '}' here, or raise BreadcrumbReadOptions.MaxRecordBytes.",
                    RecordIndex);
            }

            Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, options.MaxRecordBytes));
        }

        var read = await stream.ReadAsync(buffer.AsMemory(end), cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            eof = true;
        }

        end += read;
    }

    /// <summary>Parses the next record, if the buffer holds all of it.</summary>
    /// <param name="record">The record when the result is <see cref="ScanStatus.Record"/>.</param>
    /// <exception cref="BreadcrumbFileException">The input is malformed and the error cannot be skipped.</exception>
    public ScanStatus Next(out BreadcrumbRecord? record)
    {
        record = null;
        while (true)
        {
            if (phase == Phase.Done)
            {
                return ScanStatus.End;
            }

            if (resyncToNewline && !SkipToNextLine())
            {
                return eof ? Finish() : ScanStatus.NeedData;
            }

            if (phase == Phase.Start && !DetectShape())
            {
                return eof ? Finish() : ScanStatus.NeedData;
            }

            var reader = new Utf8JsonReader(buffer.AsSpan(start, end - start), eof, state);
            ScanStatus status;
            try
            {
                status = Step(ref reader, out record);
            }
            catch (JsonException ex)
            {
                status = OnSyntaxError(ex);
            }

            if (status != ScanStatus.Continue)
            {
                return status;
            }
        }
    }

    private ScanStatus Finish()
    {
        phase = Phase.Done;
        return ScanStatus.End;
    }

    private ScanStatus Step(ref Utf8JsonReader reader, out BreadcrumbRecord? record)
    {
        record = null;
        if (!reader.Read())
        {
            Commit(ref reader);
            return eof ? Finish() : ScanStatus.NeedData;
        }

        switch (phase)
        {
            case Phase.ArrayOpen:
                // DetectShape saw '[' so the first token is StartArray.
                phase = Phase.Records;
                Commit(ref reader);
                return ScanStatus.Continue;
            case Phase.AfterArray:
                throw Error(start + (int)reader.TokenStartIndex, "there is more data after the closing ']' of the array", "Remove it, or write one record per line without '[' and ']'.", null);
            case Phase.Records when isArray && reader.TokenType == JsonTokenType.EndArray:
                phase = Phase.AfterArray;
                Commit(ref reader);
                return ScanStatus.Continue;
            default:
                return ReadRecord(ref reader, out record);
        }
    }

    private void Commit(ref Utf8JsonReader reader)
    {
        start += (int)reader.BytesConsumed;
        state = reader.CurrentState;
    }

    private bool DetectShape()
    {
        if (bufferOffset + start == 0)
        {
            if (end - start < 3 && !eof)
            {
                return false;
            }

            if (buffer.AsSpan(start, end - start).StartsWith("\uFEFF"u8))
            {
                start += 3;
            }
        }

        var skipped = buffer.AsSpan(start, end - start).IndexOfAnyExcept(" \t\r\n"u8);
        if (skipped < 0)
        {
            start = end;
            return false;
        }

        start += skipped;
        var first = buffer[start];
        if (first is not ((byte)'[' or (byte)'{'))
        {
            var shown = first is >= 0x20 and < 0x7F ? $"'{(char)first}'" : string.Create(CultureInfo.InvariantCulture, $"byte 0x{first:X2}");
            throw Error(start, $"the file starts with {shown}, not '[' (a JSON array) or '{{' (one JSON object per line)", "Give a bcsample.json file: a JSON array of breadcrumb objects, or one object per line.", null);
        }

        isArray = first == (byte)'[';
        phase = isArray ? Phase.ArrayOpen : Phase.Records;
        ResetReader();
        return true;
    }

    private void ResetReader()
    {
        state = new JsonReaderState(isArray ? ArrayOptions : LinesOptions);
        readerOriginOffset = bufferOffset + start;
        readerOriginLine = linesBeforeBuffer + buffer.AsSpan(0, start).Count((byte)'\n');
    }

    private bool SkipToNextLine()
    {
        var newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
        if (newline < 0)
        {
            start = end;
            return false;
        }

        start += newline + 1;
        resyncToNewline = false;
        ResetReader();
        return true;
    }
}
