// Rare per-cell style data (underline colour, hyperlink) interned so cells stay 16 bytes.
namespace Godel.Terminal.Screen;

/// <summary>Index 0 means "none". Bounded: when full, new combinations fall back to 0.</summary>
internal sealed class StyleExtras
{
    public const int MaxEntries = 65535;
    public const int MaxLinks = 4096;
    private readonly List<(uint UnderlineColor, int Link)> _entries = [(0, 0)];
    private readonly Dictionary<(uint, int), int> _index = new() { [(0, 0)] = 0 };
    private readonly List<(string Id, string Uri)> _links = [("", "")];
    private readonly Dictionary<(string, string), int> _linkIndex = [];

    public (uint UnderlineColor, int Link) Get(int index) => (uint)index < (uint)_entries.Count ? _entries[index] : (0, 0);

    public int Intern(uint underlineColor, int link)
    {
        if (_index.TryGetValue((underlineColor, link), out var i)) return i;
        if (_entries.Count >= MaxEntries) return 0;
        i = _entries.Count;
        _entries.Add((underlineColor, link));
        _index.Add((underlineColor, link), i);
        return i;
    }

    /// <summary>Link number for OSC 8 (0 when the table is full).</summary>
    public int InternLink(string id, string uri)
    {
        if (_linkIndex.TryGetValue((id, uri), out var n)) return n;
        if (_links.Count >= MaxLinks) return 0;
        n = _links.Count;
        _links.Add((id, uri));
        _linkIndex.Add((id, uri), n);
        return n;
    }

    public (string Id, string Uri) GetLink(int link) => (uint)link < (uint)_links.Count ? _links[link] : ("", "");
}
