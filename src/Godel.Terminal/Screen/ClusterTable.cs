// Interned grapheme clusters (a base character plus combining marks), bounded so hostile input cannot grow it.
namespace Godel.Terminal.Screen;

/// <summary>Maps cluster strings to ids. Cell.Code = ~id. When full, further marks are dropped.</summary>
internal sealed class ClusterTable
{
    public const int MaxEntries = 1 << 16;
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _strings = [];

    public string Get(int id) => (uint)id < (uint)_strings.Count ? _strings[id] : "\uFFFD";

    /// <summary>The id of <paramref name="text"/>, or -1 when the table is full.</summary>
    public int Intern(string text)
    {
        if (_ids.TryGetValue(text, out var id)) return id;
        if (_strings.Count >= MaxEntries) return -1;
        id = _strings.Count;
        _strings.Add(text);
        _ids.Add(text, id);
        return id;
    }

    public int Count => _strings.Count;

    /// <summary>The text a cell code stands for.</summary>
    public string TextOf(int code) => code switch
    {
        0 => " ",
        < 0 => Get(~code),
        _ => char.ConvertFromUtf32(code),
    };
}
