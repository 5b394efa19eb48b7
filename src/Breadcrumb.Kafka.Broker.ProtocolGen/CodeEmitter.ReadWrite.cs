namespace Breadcrumb.Kafka.Broker.ProtocolGen;

/// <summary>The Read and Write methods: one statement per field, guarded by the versions the field exists in.</summary>
internal sealed partial class CodeEmitter
{
    private string FlexibleDeclaration => api.Flexible.IsEmpty
        ? "bool flexible = false;"
        : $"bool flexible = version >= {api.Flexible.Min};";

    /// <summary>
    /// Gets whether Read/Write of <paramref name="s"/> use the flexible flag: always in an API with flexible versions
    /// (the tagged-field section), else only for lengths (strings, bytes, records, arrays), as an unused
    /// <c>bool flexible = false;</c> is warning CS0219.
    /// </summary>
    private bool UsesFlexible(StructSchema s) => !api.Flexible.IsEmpty
        || s.Fields.Exists(f => Cond(f.Versions) != "false" && (f.IsArray || f.Type is "string" or "bytes" or "records"));

    private void EmitRead(StructSchema s)
    {
        Line("public void Read(ref KafkaReader reader, short version)");
        Open();
        if (UsesFlexible(s))
        {
            Line(FlexibleDeclaration);
        }

        foreach (var f in s.Fields.Where(f => !f.IsTagged))
        {
            Guarded(Cond(f.Versions), () => EmitReadField(f, "reader"));
        }

        if (!api.Flexible.IsEmpty)
        {
            Line("if (flexible)");
            Open();
            Line("int tagCount = reader.ReadUnsignedVarInt();");
            Line("for (int t = 0; t < tagCount; t++)");
            Open();
            Line("int tag = reader.ReadUnsignedVarInt();");
            Line("int size = reader.ReadUnsignedVarInt();");
            var tagged = s.Fields.Where(f => f.IsTagged).OrderBy(f => f.Tag).ToList();
            if (tagged.Count == 0)
            {
                Line("reader.Skip(size);");
            }
            else
            {
                Line("switch (tag)");
                Open();
                foreach (var f in tagged)
                {
                    var cond = TaggedCond(f);
                    Line($"case {f.Tag}{(cond is null ? "" : $" when {cond}")}:");
                    Open();
                    Line("var sub = reader.ReadSubReader(size);");
                    EmitReadField(f, "sub");
                    Line($"sub.EnsureEnd(\"tagged field {f.Tag} ({f.Name})\");");
                    Line("break;");
                    Close();
                }

                Line("default:");
                Open();
                Line("reader.Skip(size);");
                Line("break;");
                Close();
                Close();
            }

            Close();
            Close();
        }

        Close();
    }

    private void EmitReadField(FieldSchema f, string r)
    {
        var prop = PascalCase(f.Name);
        var nullCond = NullCond(f);
        if (f.IsArray)
        {
            var element = f.Struct?.CSharpName ?? ScalarTypeOf(f.Type);
            Open();
            Line($"int n = {r}.ReadArrayLength(flexible);");
            Line("if (n < 0)");
            Open();
            if (nullCond != "true")
            {
                var check = nullCond == "false" ? "" : $"if (!({nullCond})) ";
                Line($"{check}throw new KafkaProtocolException(\"Null array for {f.Name} where version \" + version + \" allows none.\");");
            }

            if (nullCond != "false")
            {
                Line($"{prop} = null;");
            }

            Close();
            Line("else");
            Open();
            Line($"var list = new List<{element}>(n);");
            Line("for (int i = 0; i < n; i++)");
            Open();
            if (f.Struct is not null)
            {
                Line($"var item = new {element}();");
                Line($"item.Read(ref {r}, version);");
                Line("list.Add(item);");
            }
            else
            {
                Line($"list.Add({ReadScalar(f.Type, r, "false")});");
            }

            Close();
            Line($"{prop} = list;");
            Close();
            Close();
        }
        else if (f.Struct is not null)
        {
            var read = $"var v = new {f.Struct.CSharpName}(); v.Read(ref {r}, version); {prop} = v;";
            if (f.IsTagged || nullCond == "false")
            {
                Line("{ " + read + " }");
            }
            else
            {
                var presence = nullCond == "true" ? $"{r}.ReadStructPresence()" : $"!({nullCond}) || {r}.ReadStructPresence()";
                Line($"if ({presence}) {{ {read} }} else {{ {prop} = null; }}");
            }
        }
        else
        {
            Line($"{prop} = {ReadScalar(f.Type, r, nullCond)};");
        }
    }

    private static string ReadScalar(string type, string r, string nullCond) => type switch
    {
        "bool" => $"{r}.ReadBool()",
        "int8" => $"{r}.ReadInt8()",
        "int16" => $"{r}.ReadInt16()",
        "uint16" => $"{r}.ReadUInt16()",
        "int32" => $"{r}.ReadInt32()",
        "int64" => $"{r}.ReadInt64()",
        "float64" => $"{r}.ReadFloat64()",
        "uuid" => $"{r}.ReadUuid()",
        "records" => $"{r}.ReadRecords(flexible)",
        "string" or "bytes" => NullableChoice(nullCond, $"{r}.ReadNullable{Pascal(type)}(flexible)", $"{r}.Read{Pascal(type)}(flexible)"),
        _ => throw new SchemaException($"'{type}' is not a primitive type."),
    };

    private void EmitWrite(StructSchema s)
    {
        Line("public void Write(KafkaWriter writer, short version)");
        Open();
        if (UsesFlexible(s))
        {
            Line(FlexibleDeclaration);
        }

        foreach (var f in s.Fields.Where(f => !f.IsTagged))
        {
            Guarded(Cond(f.Versions), () => EmitWriteField(f, "writer"));
        }

        if (!api.Flexible.IsEmpty)
        {
            var tagged = s.Fields.Where(f => f.IsTagged).OrderBy(f => f.Tag).ToList();
            Line("if (flexible)");
            Open();
            if (tagged.Count == 0)
            {
                Line("writer.WriteUnsignedVarInt(0);");
            }
            else
            {
                Line("int tagged = 0;");
                foreach (var f in tagged)
                {
                    Line($"if ({Present(f)}) tagged++;");
                }

                Line("writer.WriteUnsignedVarInt(tagged);");
                foreach (var f in tagged)
                {
                    Line($"if ({Present(f)})");
                    Open();
                    Line("using var scratch = new KafkaWriter(64);");
                    EmitWriteField(f, "scratch");
                    Line($"writer.WriteUnsignedVarInt({f.Tag});");
                    Line("writer.WriteUnsignedVarInt(scratch.Length);");
                    Line("writer.WriteRaw(scratch.WrittenSpan);");
                    Close();
                }
            }

            Close();
        }

        Close();
    }

    private void EmitWriteField(FieldSchema f, string w)
    {
        var prop = PascalCase(f.Name);
        var nullCond = NullCond(f);
        if (f.IsArray)
        {
            var nullLength = nullCond switch { "true" => "-1", "false" => "0", _ => $"({nullCond} ? -1 : 0)" };
            Line($"if ({prop} is null) {w}.WriteArrayLength({nullLength}, flexible);");
            Line("else");
            Open();
            Line($"{w}.WriteArrayLength({prop}.Count, flexible);");
            var each = f.Struct is not null ? $"item.Write({w}, version);" : WriteScalar(f.Type, w, "item", "false");
            Line($"foreach (var item in {prop}) {each}");
            Close();
        }
        else if (f.Struct is not null)
        {
            if (f.IsTagged)
            {
                Line($"{prop}!.Write({w}, version);");
            }
            else if (nullCond == "false")
            {
                Line($"({prop} ?? new {f.Struct.CSharpName}()).Write({w}, version);");
            }
            else
            {
                var guard = nullCond == "true" ? "" : $"if ({nullCond}) ";
                Line($"{guard}{{ {w}.WriteStructPresence({prop} is not null); {prop}?.Write({w}, version); }}");
                if (nullCond != "true")
                {
                    Line($"else ({prop} ?? new {f.Struct.CSharpName}()).Write({w}, version);");
                }
            }
        }
        else
        {
            Line(WriteScalar(f.Type, w, prop, nullCond));
        }
    }

    private static string WriteScalar(string type, string w, string value, string nullCond) => type switch
    {
        "bool" => $"{w}.WriteBool({value});",
        "int8" => $"{w}.WriteInt8({value});",
        "int16" => $"{w}.WriteInt16({value});",
        "uint16" => $"{w}.WriteUInt16({value});",
        "int32" => $"{w}.WriteInt32({value});",
        "int64" => $"{w}.WriteInt64({value});",
        "float64" => $"{w}.WriteFloat64({value});",
        "uuid" => $"{w}.WriteUuid({value});",
        "records" => $"{w}.WriteRecords({value}, flexible);",
        "string" or "bytes" => NullableChoice(nullCond,
            $"{w}.WriteNullable{Pascal(type)}({value}, flexible)", $"{w}.Write{Pascal(type)}({value}, flexible)", statement: true),
        _ => throw new SchemaException($"'{type}' is not a primitive type."),
    };

    /// <summary>Returns the condition under which a tagged field differs from its default and is written.</summary>
    private string Present(FieldSchema f)
    {
        var prop = PascalCase(f.Name);
        var nullable = !f.NullableVersions.IsEmpty;
        string differs;
        if (f.IsArray)
        {
            differs = f.Default == "null" || nullable ? $"{prop} is not null" : $"{prop} is {{ Count: > 0 }}";
        }
        else if (f.Struct is not null)
        {
            differs = $"{prop} is not null";
        }
        else
        {
            differs = f.Type switch
            {
                "string" when nullable && (f.Default is null || f.Default == "null") => $"{prop} is not null",
                "string" => $"!string.Equals({prop}, {(f.Default is null ? "\"\"" : Literal(f))}, StringComparison.Ordinal)",
                "bytes" => nullable ? $"{prop} is not null" : $"{prop} is {{ Length: > 0 }}",
                "records" => $"!{prop}.IsNull",
                "uuid" => $"{prop} != Guid.Empty",
                "bool" => f.Default is null ? prop : $"{prop} != {Literal(f)}",
                _ => $"{prop} != {(f.Default is null ? "0" : Literal(f))}",
            };
        }

        var cond = TaggedCond(f);
        return cond is null ? differs : $"{cond} && {differs}";
    }

    private string? TaggedCond(FieldSchema f) => Cond(f.Versions.Intersect(api.Flexible));

    /// <summary>Returns the C# condition for "the version is in <paramref name="span"/>", or null when always true.</summary>
    private string? Cond(VersionSpan span)
    {
        var effective = span.Intersect(api.Versions);
        if (effective.IsEmpty)
        {
            return "false";
        }

        var parts = new List<string>();
        if (effective.Min > api.Versions.Min)
        {
            parts.Add($"version >= {effective.Min}");
        }

        if (effective.Max < api.Versions.Max)
        {
            parts.Add($"version <= {effective.Max}");
        }

        return parts.Count == 0 ? null : string.Join(" && ", parts);
    }

    /// <summary>Returns "true", "false", or the C# condition for "null is allowed in this version" within the field's versions.</summary>
    private string NullCond(FieldSchema f)
    {
        var effective = f.Versions.Intersect(api.Versions);
        var nullable = f.NullableVersions.Intersect(effective);
        if (nullable.IsEmpty)
        {
            return "false";
        }

        var parts = new List<string>();
        if (nullable.Min > effective.Min)
        {
            parts.Add($"version >= {nullable.Min}");
        }

        if (nullable.Max < effective.Max)
        {
            parts.Add($"version <= {nullable.Max}");
        }

        return parts.Count == 0 ? "true" : string.Join(" && ", parts);
    }

    private static string NullableChoice(string nullCond, string whenNullable, string otherwise, bool statement = false)
    {
        var expression = nullCond switch
        {
            "true" => whenNullable,
            "false" => otherwise,
            _ => statement ? $"if ({nullCond}) {whenNullable}; else {otherwise}" : $"({nullCond} ? {whenNullable} : {otherwise})",
        };
        return statement ? expression + ";" : expression;
    }

    private void Guarded(string? cond, Action body)
    {
        if (cond == "false")
        {
            return;
        }

        if (cond is null)
        {
            body();
            return;
        }

        Line($"if ({cond})");
        Open();
        body();
        Close();
    }

    private static string Pascal(string type) => char.ToUpperInvariant(type[0]) + type[1..];

    private static string ScalarTypeOf(string type) => type switch
    {
        "int8" => "sbyte",
        "int16" => "short",
        "int32" => "int",
        "int64" => "long",
        "string" => "string",
        "uuid" => "Guid",
        "bool" => "bool",
        "float64" => "double",
        _ => throw new SchemaException($"arrays of '{type}' are not supported."),
    };
}
