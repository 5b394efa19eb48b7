namespace Breadcrumb.Kafka.Broker.ProtocolGen;

/// <summary>
/// Parses one schema file (the format is described in Protocol/Schema/README.md): an <c>api</c> line, then
/// <c>request</c>, <c>response</c> and <c>struct Name</c> sections whose fields nest by two-space indentation.
/// </summary>
internal static class SchemaParser
{
    public static readonly HashSet<string> Primitives =
        ["bool", "int8", "int16", "uint16", "int32", "int64", "float64", "string", "bytes", "uuid", "records"];

    public static ApiSchema Parse(string fileName, string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        ApiSchema? api = null;
        var comment = new List<string>();
        StructSchema? section = null;
        List<StructSchema>? inline = null;
        var stack = new Stack<StructSchema>();

        for (var i = 0; i < lines.Length; i++)
        {
            var where = $"{fileName}:{i + 1}";
            var raw = StripComment(lines[i], out var commentText);
            if (raw.Trim().Length == 0)
            {
                if (api is null && commentText is not null)
                {
                    comment.Add(commentText);
                }

                continue;
            }

            var indent = raw.Length - raw.TrimStart(' ').Length;
            var tokens = raw.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (indent == 0)
            {
                (api, section, inline) = ParseTopLevel(tokens, where, fileName, api, comment);
                stack.Clear();
                if (section is not null)
                {
                    stack.Push(section);
                }

                continue;
            }

            if (section is null || inline is null || api is null)
            {
                throw new SchemaException($"{where}: a field outside a request, response or struct section.");
            }

            if (indent % 2 != 0)
            {
                throw new SchemaException($"{where}: indent by two spaces per level (found {indent}).");
            }

            var level = indent / 2;
            while (stack.Count > level)
            {
                stack.Pop();
            }

            if (stack.Count != level)
            {
                throw new SchemaException($"{where}: indented deeper than the field above allows.");
            }

            var field = ParseField(tokens, where, i + 1);
            stack.Peek().Fields.Add(field);
            if (!Primitives.Contains(field.Type) && NextLevel(lines, i) > level)
            {
                var nested = new StructSchema { Name = field.Type };
                if (inline.Exists(s => s.Name == nested.Name) || api.SharedStructs.Exists(s => s.Name == nested.Name))
                {
                    throw new SchemaException($"{where}: struct '{nested.Name}' is declared twice.");
                }

                inline.Add(nested);
                field.Struct = nested;
                stack.Push(nested);
            }
        }

        if (api is null)
        {
            throw new SchemaException($"{fileName}: no 'api' line.");
        }

        Resolve(api, api.Request, api.RequestStructs);
        Resolve(api, api.Response, api.ResponseStructs);
        foreach (var shared in api.SharedStructs)
        {
            Resolve(api, shared, []);
        }

        return api;
    }

    private static (ApiSchema? Api, StructSchema? Section, List<StructSchema>? Inline) ParseTopLevel(
        string[] tokens, string where, string fileName, ApiSchema? api, List<string> comment)
    {
        switch (tokens[0])
        {
            case "api" when api is null && tokens.Length == 8 && tokens[2] == "key" && tokens[4] == "versions" && tokens[6] == "flexible":
                var created = new ApiSchema
                {
                    Name = tokens[1],
                    Key = short.Parse(tokens[3], System.Globalization.CultureInfo.InvariantCulture),
                    Versions = VersionSpan.Parse(tokens[5], where),
                    Flexible = VersionSpan.Parse(tokens[7], where),
                    File = fileName,
                };
                created.Comment.AddRange(comment);
                return (created, null, null);
            case "api":
                throw new SchemaException($"{where}: expected 'api Name key N versions A-B flexible C+' once per file.");
            case "request" when api is not null && api.Request is null:
                api.Request = new StructSchema { Name = api.Name + "Request" };
                return (api, api.Request, api.RequestStructs);
            case "response" when api is not null && api.Response is null:
                api.Response = new StructSchema { Name = api.Name + "Response" };
                return (api, api.Response, api.ResponseStructs);
            case "struct" when api is not null && tokens.Length == 2:
                var shared = new StructSchema { Name = tokens[1] };
                api.SharedStructs.Add(shared);

                // Structs declared inside a shared struct are shared too (emitted next to it), not dropped.
                return (api, shared, api.SharedStructs);
            default:
                throw new SchemaException($"{where}: expected 'api', 'request', 'response' or 'struct Name' at the start of a line (after the api line, once each).");
        }
    }

    private static FieldSchema ParseField(string[] tokens, string where, int line)
    {
        if (tokens.Length < 2)
        {
            throw new SchemaException($"{where}: a field needs a name and a type.");
        }

        var name = tokens[0];
        if (!name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
        {
            throw new SchemaException($"{where}: field name '{name}' must be snake_case.");
        }

        var type = tokens[1];
        var isArray = type.StartsWith("[]", StringComparison.Ordinal);
        if (isArray)
        {
            type = type[2..];
        }

        var versions = VersionSpan.All;
        var nullable = VersionSpan.None;
        int? tag = null;
        string? defaultValue = null;
        var at = 2;
        if (at < tokens.Length && char.IsAsciiDigit(tokens[at][0]))
        {
            versions = VersionSpan.Parse(tokens[at++], where);
        }

        while (at < tokens.Length)
        {
            switch (tokens[at])
            {
                case "nullable":
                    at++;
                    nullable = at < tokens.Length && char.IsAsciiDigit(tokens[at][0]) ? VersionSpan.Parse(tokens[at++], where) : versions;
                    break;
                case "tag" when at + 1 < tokens.Length && int.TryParse(tokens[at + 1], out var t):
                    tag = t;
                    at += 2;
                    break;
                case "=" when at + 1 < tokens.Length:
                    defaultValue = string.Join(' ', tokens[(at + 1)..]);
                    at = tokens.Length;
                    break;
                default:
                    throw new SchemaException($"{where}: unexpected '{tokens[at]}' (expected a version range, 'nullable [range]', 'tag N' or '= default').");
            }
        }

        return new FieldSchema
        {
            Name = name, Type = type, IsArray = isArray, Versions = versions, NullableVersions = nullable,
            Tag = tag, Default = defaultValue, Line = line,
        };
    }

    private static void Resolve(ApiSchema api, StructSchema? root, List<StructSchema> inline)
    {
        if (root is null)
        {
            return;
        }

        foreach (var s in inline.Prepend(root))
        {
            foreach (var field in s.Fields.Where(f => f.Struct is null && !Primitives.Contains(f.Type)))
            {
                field.Struct = inline.Find(x => x.Name == field.Type) ?? api.SharedStructs.Find(x => x.Name == field.Type)
                    ?? throw new SchemaException($"{api.File}:{field.Line}: type '{field.Type}' is neither a primitive nor a struct declared in this file.");
            }

            var tags = s.Fields.Where(f => f.IsTagged).GroupBy(f => f.Tag).FirstOrDefault(g => g.Count() > 1);
            if (tags is not null)
            {
                throw new SchemaException($"{api.File}: tag {tags.Key} is used twice in '{s.Name}'.");
            }
        }
    }

    private static int NextLevel(string[] lines, int index)
    {
        for (var j = index + 1; j < lines.Length; j++)
        {
            var raw = StripComment(lines[j], out _);
            if (raw.Trim().Length > 0)
            {
                return (raw.Length - raw.TrimStart(' ').Length) / 2;
            }
        }

        return 0;
    }

    private static string StripComment(string line, out string? comment)
    {
        var hash = line.IndexOf('#', StringComparison.Ordinal);
        if (hash < 0)
        {
            comment = null;
            return line.TrimEnd();
        }

        comment = line[(hash + 1)..].Trim();
        return line[..hash].TrimEnd();
    }
}
