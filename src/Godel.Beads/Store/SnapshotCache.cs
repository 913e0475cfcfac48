// Persists a snapshot to `.godel/cache/beads-<commit>.bin` so a new process lists 10k beads without parsing 10k blobs.
using System.Text;
using Godel.Beads.Model;

namespace Godel.Beads.Store;

/// <summary>
/// The on-disk read index. Keyed by commit id (commits are immutable, so a file for commit C is valid
/// forever); written to a temp file and renamed (readers never see half a file); any read error is a miss.
/// </summary>
internal static class SnapshotCache
{
    private const int Magic = 0x42_4C_44_47; // "GDLB"
    private const int Version = 3;

    // The list-JSON elements depend on this build's writer: another build's are dropped (and rewritten on the next save).
    private static readonly Guid Build = typeof(SnapshotCache).Assembly.ManifestModule.ModuleVersionId;

    // The format version is in the name: an older or newer godel sharing the repository keeps its own file.
    public static string PathFor(string godelDir, string commit) => Path.Combine(godelDir, "cache", $"beads-v{Version}-{commit}.bin");

    /// <summary>The newest cache file other than <paramref name="commit"/>'s, to catch up from by diffing trees.</summary>
    public static string? NewestOther(string godelDir, string commit)
    {
        var dir = Path.Combine(godelDir, "cache");
        if (!Directory.Exists(dir)) return null;
        return new DirectoryInfo(dir).EnumerateFiles($"beads-v{Version}-*.bin")
            .Where(f => f.Name != Path.GetFileName(PathFor(godelDir, commit)))
            .OrderByDescending(f => f.LastWriteTimeUtc)
            .Select(f => f.FullName)
            .FirstOrDefault();
    }

    public static StoreSnapshot? TryLoad(string path)
    {
        try
        {
            // Read whole (one read call for 6 MB at 10k beads): BinaryReader decodes strings from a MemoryStream in place.
            using var stream = new MemoryStream(ReadAll(path), writable: false);
            using var r = new BinaryReader(stream, Encoding.UTF8);
            if (r.ReadInt32() != Magic || r.ReadInt32() != Version) return null;
            var sameBuild = new Guid(r.ReadBytes(16)) == Build;
            var s = new StoreSnapshot { Commit = r.ReadString() };
            for (var i = 0; i < 4; i++) s.SetRawTree(i, r.ReadBytes(r.ReadInt32()));
            ReadItems(r, s.Beads, ReadBead, sameBuild);
            ReadItems(r, s.Convoys, ReadConvoy, sameBuild);
            return r.ReadInt32() == Magic ? s : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or EndOfStreamException or FormatException or ArgumentException)
        {
            return null;
        }
    }

    private static byte[] ReadAll(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
        var bytes = new byte[file.Length];
        file.ReadExactly(bytes);
        return bytes;
    }

    /// <summary>Writes the snapshot's file and removes older ones. Failures are ignored: the cache is only an optimisation.</summary>
    public static void TrySave(string godelDir, StoreSnapshot s)
    {
        if (s.Commit is null) return;
        try
        {
            var dir = Path.Combine(godelDir, "cache");
            Directory.CreateDirectory(dir);
            EnsureIgnored(dir);
            var path = PathFor(godelDir, s.Commit);
            if (File.Exists(path)) return;
            var temp = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            using (var w = new BinaryWriter(stream, Encoding.UTF8))
            {
                Write(w, s);
            }
            File.Move(temp, path, overwrite: true);
            foreach (var old in Directory.EnumerateFiles(dir, $"beads-v{Version}-*.bin"))
            {
                if (old != path) TryDelete(old);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A read-only checkout or a full disk only costs speed.
        }
    }

    private static void Write(BinaryWriter w, StoreSnapshot s)
    {
        w.Write(Magic);
        w.Write(Version);
        w.Write(Build.ToByteArray());
        w.Write(s.Commit!);
        for (var i = 0; i < 4; i++)
        {
            var bytes = s.RawTreeBytes(i);
            w.Write(bytes.Length);
            w.Write(bytes);
        }
        WriteItems(w, s.Beads, WriteBead, static (b, l) => l.ListJson ?? Json.BeadListWriter.Element(b));
        WriteItems(w, s.Convoys, WriteConvoy, null);
        w.Write(Magic);
    }

    private static void EnsureIgnored(string dir)
    {
        var ignore = Path.Combine(dir, ".gitignore");
        if (!File.Exists(ignore)) File.WriteAllText(ignore, "# Godel's read index: safe to delete.\n*\n");
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    // Each readable item may carry its list-JSON element (beads only): a length (0 = none) and the bytes.
    private static void WriteItems<T>(
        BinaryWriter w, Dictionary<string, Loaded<T>> items, Action<BinaryWriter, T> write, Func<T, Loaded<T>, byte[]>? listJson) where T : class
    {
        w.Write(items.Count);
        foreach (var (name, item) in items)
        {
            w.Write(name);
            w.Write(item.OidHex);
            w.Write(item.Value is not null);
            if (item.Value is not null)
            {
                write(w, item.Value);
                var json = listJson?.Invoke(item.Value, item);
                w.Write(json?.Length ?? 0);
                if (json is not null) w.Write(json);
            }
            else w.Write(item.Error ?? "unreadable");
        }
    }

    private static void ReadItems<T>(BinaryReader r, Dictionary<string, Loaded<T>> items, Func<BinaryReader, T> read, bool keepJson) where T : class
    {
        var n = r.ReadInt32();
        items.EnsureCapacity(n);
        for (var i = 0; i < n; i++)
        {
            var name = r.ReadString();
            var oid = r.ReadString();
            if (!r.ReadBoolean())
            {
                items[name] = new Loaded<T>(oid, null, r.ReadString());
                continue;
            }
            var value = read(r);
            var length = r.ReadInt32();
            var json = length > 0 ? r.ReadBytes(length) : null;
            items[name] = new Loaded<T>(oid, value, null) { ListJson = keepJson ? json : null };
        }
    }

    private static void WriteBead(BinaryWriter w, Bead b)
    {
        w.Write(b.Schema);
        w.Write(b.Id);
        w.Write(b.Title);
        w.Write(b.Description);
        w.Write((byte)b.Type);
        w.Write((byte)b.Status);
        w.Write(b.Priority);
        WriteList(w, b.Labels);
        WriteNullable(w, b.Agent);
        WriteNullable(w, b.Worktree);
        WriteNullable(w, b.Branch);
        WriteList(w, b.Commits);
        WriteList(w, b.BlockedBy);
        w.Write(b.Comments.Count);
        foreach (var c in b.Comments)
        {
            w.Write(c.Author);
            w.Write(c.Text);
            WriteTime(w, c.Time);
        }
        WriteTime(w, b.Created);
        WriteTime(w, b.Updated);
        w.Write(b.Closed.HasValue);
        if (b.Closed.HasValue) WriteTime(w, b.Closed.Value);
        WriteNullable(w, b.CloseReason);
    }

    private static Bead ReadBead(BinaryReader r)
    {
        var schema = r.ReadInt32();
        var id = r.ReadString();
        var title = r.ReadString();
        var description = r.ReadString();
        var type = (BeadType)r.ReadByte();
        var status = (BeadStatus)r.ReadByte();
        var priority = r.ReadInt32();
        var labels = ReadList(r);
        var agent = ReadNullable(r);
        var worktree = ReadNullable(r);
        var branch = ReadNullable(r);
        var commits = ReadList(r);
        var blockedBy = ReadList(r);
        var comments = new BeadComment[r.ReadInt32()];
        for (var i = 0; i < comments.Length; i++) comments[i] = new BeadComment(r.ReadString(), r.ReadString(), ReadTime(r));
        var created = ReadTime(r);
        var updated = ReadTime(r);
        DateTimeOffset? closed = r.ReadBoolean() ? ReadTime(r) : null;
        return new Bead
        {
            Schema = schema, Id = id, Title = title, Description = description, Type = type, Status = status,
            Priority = priority, Labels = labels, Agent = agent, Worktree = worktree, Branch = branch,
            Commits = commits, BlockedBy = blockedBy, Comments = comments, Created = created, Updated = updated,
            Closed = closed, CloseReason = ReadNullable(r),
        };
    }

    private static void WriteConvoy(BinaryWriter w, Convoy c)
    {
        w.Write(c.Schema);
        w.Write(c.Id);
        w.Write(c.Name);
        WriteList(w, c.Beads);
        WriteTime(w, c.Created);
        WriteTime(w, c.Updated);
    }

    private static Convoy ReadConvoy(BinaryReader r) => new()
    {
        Schema = r.ReadInt32(), Id = r.ReadString(), Name = r.ReadString(), Beads = ReadList(r),
        Created = ReadTime(r), Updated = ReadTime(r),
    };

    private static void WriteList(BinaryWriter w, IReadOnlyList<string> list)
    {
        w.Write(list.Count);
        foreach (var s in list) w.Write(s);
    }

    private static string[] ReadList(BinaryReader r)
    {
        var list = new string[r.ReadInt32()];
        for (var i = 0; i < list.Length; i++) list[i] = r.ReadString();
        return list;
    }

    private static void WriteNullable(BinaryWriter w, string? s)
    {
        w.Write(s is not null);
        if (s is not null) w.Write(s);
    }

    private static string? ReadNullable(BinaryReader r) => r.ReadBoolean() ? r.ReadString() : null;

    private static void WriteTime(BinaryWriter w, DateTimeOffset t)
    {
        w.Write(t.Ticks);
        w.Write((short)t.Offset.TotalMinutes);
    }

    private static DateTimeOffset ReadTime(BinaryReader r) => new(r.ReadInt64(), TimeSpan.FromMinutes(r.ReadInt16()));
}
