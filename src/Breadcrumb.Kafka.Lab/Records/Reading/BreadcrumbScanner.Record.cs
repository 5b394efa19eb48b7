using System.Text;
using System.Text.Json;

namespace Breadcrumb.Kafka.Lab;

/// <summary>Parses one record object and turns problems into positioned <see cref="BreadcrumbFileException"/>s.</summary>
internal sealed partial class BreadcrumbScanner
{
    private const string FieldHint = "Each of the fourteen fields must be a JSON string, e.g. \"METERS\": \"81607\"; an empty string \"\" means no reading.";

    private ScanStatus ReadRecord(ref Utf8JsonReader reader, out BreadcrumbRecord? record)
    {
        record = null;
        var recordStart = start + (int)reader.TokenStartIndex;
        BreadcrumbFileException? error = null;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            error = Error(recordStart, $"expected a breadcrumb object, found {Describe(reader.TokenType)}", "Each record must be a JSON object such as {\"EVENT_NO_TRIP\": \"167589364\", ...}.", RecordIndex);
            if (!Fail(error) || !reader.TrySkip())
            {
                return ScanStatus.NeedData;
            }

            return SkipRecord(ref reader, error);
        }

        Array.Clear(values);
        var expected = 0;
        while (true)
        {
            if (!reader.Read())
            {
                return ScanStatus.NeedData;
            }

            if (reader.TokenType == JsonTokenType.EndObject)
            {
                break;
            }

            var field = BreadcrumbFields.IndexOf(ref reader, expected);
            if (!reader.Read())
            {
                return ScanStatus.NeedData;
            }

            if (field < 0 || error is not null)
            {
                // Unknown fields are ignored whatever their type, like the lab's Python json.loads would keep them unread.
                if (!reader.TrySkip())
                {
                    return ScanStatus.NeedData;
                }

                continue;
            }

            expected = field + 1;
            var at = start + (int)reader.TokenStartIndex;
            var name = BreadcrumbFields.Names[field];
            if (values[field] is not null)
            {
                error = Error(at, $"field {name} appears twice in the record", "Keep one of the two.", RecordIndex);
            }
            else if (reader.TokenType == JsonTokenType.String)
            {
                if (TryGetString(ref reader, out values[field]))
                {
                    continue;
                }

                error = Error(at, $"field {name} is not valid UTF-8 text", "Save the file as UTF-8.", RecordIndex);
            }
            else if (reader.TokenType == JsonTokenType.Number && options.AllowNumbersAsStrings)
            {
                values[field] = Encoding.UTF8.GetString(reader.ValueSpan);
                continue;
            }
            else
            {
                var hint = reader.TokenType == JsonTokenType.Number ? FieldHint + " Or set BreadcrumbReadOptions.AllowNumbersAsStrings." : FieldHint;
                error = Error(at, $"field {name} must be a string, found {Describe(reader.TokenType)}", hint, RecordIndex);
            }

            if (!Fail(error) || !reader.TrySkip())
            {
                return ScanStatus.NeedData;
            }
        }

        if (error is null && !options.AllowMissingFields)
        {
            var missing = Array.IndexOf(values, null);
            if (missing >= 0)
            {
                error = Error(
                    recordStart,
                    $"the record has no field {BreadcrumbFields.Names[missing]}",
                    "Add it (\"\" if there is no reading), check its spelling, or set BreadcrumbReadOptions.AllowMissingFields.",
                    RecordIndex);
                Fail(error);
            }
        }

        if (error is not null)
        {
            return SkipRecord(ref reader, error);
        }

        Commit(ref reader);
        RecordIndex++;
        record = BreadcrumbFields.ToRecord(values);
        return ScanStatus.Record;
    }

    private static bool TryGetString(ref Utf8JsonReader reader, out string? value)
    {
        try
        {
            value = reader.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            // Utf8JsonReader checks UTF-8 only when a string is transcoded, so bad bytes surface here.
            value = null;
            return false;
        }
    }

    /// <summary>Throws <paramref name="error"/> unless invalid records are skipped.</summary>
    /// <returns>Always <see langword="true"/>, so callers can chain it with a skip.</returns>
    private bool Fail(BreadcrumbFileException error) =>
        options.SkipInvalidRecords ? true : throw error;

    private ScanStatus SkipRecord(ref Utf8JsonReader reader, BreadcrumbFileException error)
    {
        Commit(ref reader);
        RecordIndex++;
        options.InvalidRecordSkipped?.Invoke(error);
        return ScanStatus.Continue;
    }

    private ScanStatus OnSyntaxError(JsonException ex)
    {
        var (line, offset) = PositionOf(ex);
        var reason = ex.Message;
        var cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
        reason = "invalid JSON: " + (cut >= 0 ? reason[..cut] : reason).TrimEnd('.', ' ');
        var hint = "Check that the file is a JSON array of objects or one JSON object per line.";
        if (eof && (offset >= bufferOffset + end || EndsInsideValidJson()))
        {
            reason = "the file ends inside a record";
            hint = "The file looks truncated: copy or generate it again.";
        }

        var error = new BreadcrumbFileException(source, line, offset, RecordIndex, reason, hint, ex);
        if (isArray || !options.SkipInvalidRecords)
        {
            throw error;
        }

        // A JSON-lines file can resynchronize: drop the rest of the bad line and go on with the next one.
        start = (int)Math.Clamp(offset - bufferOffset, start, end);
        resyncToNewline = true;
        RecordIndex++;
        options.InvalidRecordSkipped?.Invoke(error);
        return ScanStatus.Continue;
    }

    /// <summary>
    /// Tells whether the rest of the file is valid JSON that merely stops early (issue 9: a file cut right after
    /// ", " or ": " is truncated, not malformed, though the reader's error then points before the end).
    /// </summary>
    private bool EndsInsideValidJson()
    {
        var probe = new Utf8JsonReader(buffer.AsSpan(start, end - start), isFinalBlock: false, state);
        try
        {
            while (probe.Read())
            {
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private (long Line, long Offset) PositionOf(JsonException ex)
    {
        var lineInReader = ex.LineNumber ?? 0;
        var line = readerOriginLine + lineInReader;
        long lineStart;
        if (lineInReader == 0)
        {
            lineStart = readerOriginOffset;
        }
        else if (line == linesBeforeBuffer)
        {
            lineStart = lastNewlineBeforeBuffer + 1;
        }
        else
        {
            var span = buffer.AsSpan(0, end);
            var index = -1;
            for (var n = linesBeforeBuffer; n < line; n++)
            {
                var next = span[(index + 1)..].IndexOf((byte)'\n');
                if (next < 0)
                {
                    break;
                }

                index += next + 1;
            }

            lineStart = bufferOffset + index + 1;
        }

        return (line + 1, lineStart + (ex.BytePositionInLine ?? 0));
    }

    private BreadcrumbFileException Error(int bufferIndex, string reason, string hint, long? recordIndex)
    {
        var line = linesBeforeBuffer + buffer.AsSpan(0, bufferIndex).Count((byte)'\n') + 1;
        return new BreadcrumbFileException(source, line, bufferOffset + bufferIndex, recordIndex, reason, hint);
    }

    private static string Describe(JsonTokenType type) => type switch
    {
        JsonTokenType.StartObject => "Object",
        JsonTokenType.StartArray => "Array",
        JsonTokenType.String => "String",
        JsonTokenType.Number => "Number",
        JsonTokenType.True or JsonTokenType.False => "Boolean",
        JsonTokenType.Null => "null",
        _ => type.ToString(),
    };
}
