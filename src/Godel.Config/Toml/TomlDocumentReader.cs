// Turns TOML text into a TomlTable through Tomlyn's syntax tree, so every key and value keeps file:line:col.
using Godel.Config.Diagnostics;
using Tomlyn.Parsing;
using Tomlyn.Syntax;

namespace Godel.Config.Toml;

internal sealed class TomlDocumentReader
{
    private readonly string _path;
    private readonly List<ConfigDiagnostic> _diagnostics;

    private TomlDocumentReader(string path, List<ConfigDiagnostic> diagnostics)
    {
        _path = path;
        _diagnostics = diagnostics;
    }

    /// <summary>Parses <paramref name="text"/>; syntax errors go to <paramref name="diagnostics"/> and give null.</summary>
    public static TomlTable? Read(string text, string path, List<ConfigDiagnostic> diagnostics)
    {
        var document = SyntaxParser.Parse(text, path, true);
        var reader = new TomlDocumentReader(path, diagnostics);
        if (document.HasErrors)
        {
            // After a syntax error the parser's later complaints mostly follow from it: report the earliest only.
            var first = document.Diagnostics
                .Where(m => m.Kind == DiagnosticMessageKind.Error)
                .OrderBy(m => m.Span.Start.Offset)
                .First();
            diagnostics.Add(new ConfigDiagnostic(reader.OriginOf(first.Span), first.Message));

            return null;
        }

        return reader.ReadDocument(document);
    }

    private TomlTable ReadDocument(DocumentSyntax document)
    {
        var root = new TomlTable(ValueOrigin.InFile(_path, 1, 1));
        foreach (var keyValue in document.KeyValues)
        {
            AddKeyValue(root, keyValue);
        }

        foreach (var table in document.Tables)
        {
            if (table is TableArraySyntax)
            {
                _diagnostics.Add(new ConfigDiagnostic(OriginOf(table.Span), "arrays of tables ([[...]]) are not used in Godel's configuration; use [section.name] tables"));
                continue;
            }

            var target = Navigate(root, table.Name!, table.Span);
            if (target is null)
            {
                continue;
            }

            foreach (var keyValue in table.Items)
            {
                AddKeyValue(target, keyValue);
            }
        }

        return root;
    }

    private void AddKeyValue(TomlTable table, KeyValueSyntax keyValue)
    {
        var parts = KeyParts(keyValue.Key!);
        var parent = parts.Count == 1 ? table : NavigateParts(table, parts[..^1], keyValue.Key!.Span);
        if (parent is null)
        {
            return;
        }

        var last = parts[^1];
        parent.Set(new TomlEntry(last.Name, OriginOf(last.Span), ReadValue(keyValue.Value!)));
    }

    private TomlTable? Navigate(TomlTable root, KeySyntax key, SourceSpan span) => NavigateParts(root, KeyParts(key), span);

    private TomlTable? NavigateParts(TomlTable root, IReadOnlyList<(string Name, SourceSpan Span)> parts, SourceSpan span)
    {
        var current = root;
        foreach (var (name, partSpan) in parts)
        {
            var next = current.GetOrAddTable(name, OriginOf(partSpan));
            if (next is null)
            {
                _diagnostics.Add(new ConfigDiagnostic(OriginOf(span), $"'{name}' is already a value, not a table"));
                return null;
            }

            current = next;
        }

        return current;
    }

    private static List<(string Name, SourceSpan Span)> KeyParts(KeySyntax key)
    {
        var parts = new List<(string, SourceSpan)> { (KeyText(key.Key!), key.Key!.Span) };
        foreach (var dotted in key.DotKeys)
        {
            parts.Add((KeyText(dotted.Key!), dotted.Key!.Span));
        }

        return parts;
    }

    private static string KeyText(BareKeyOrStringValueSyntax key) => key switch
    {
        BareKeySyntax bare => bare.Key?.Text ?? "",
        StringValueSyntax quoted => quoted.Value ?? "",
        _ => key.ToString() ?? "",
    };

    private TomlNode ReadValue(ValueSyntax value)
    {
        var origin = OriginOf(value.Span);
        switch (value)
        {
            case StringValueSyntax s:
                return new TomlScalar(TomlKind.String, s.Value ?? "", origin);
            case IntegerValueSyntax i:
                return new TomlScalar(TomlKind.Integer, i.Value, origin);
            case FloatValueSyntax f:
                return new TomlScalar(TomlKind.Float, f.Value, origin);
            case BooleanValueSyntax b:
                return new TomlScalar(TomlKind.Boolean, b.Value, origin);
            case ArraySyntax a:
                return new TomlArray([.. a.Items.Select(item => ReadValue(item.Value!))], origin);
            case InlineTableSyntax t:
                var table = new TomlTable(origin);
                foreach (var item in t.Items)
                {
                    AddKeyValue(table, item.KeyValue!);
                }

                return table;
            default:
                return new TomlScalar(TomlKind.DateTime, value.ToString() ?? "", origin);
        }
    }

    private ValueOrigin OriginOf(SourceSpan span) => ValueOrigin.InFile(_path, span.Start.Line + 1, span.Start.Column + 1);
}
