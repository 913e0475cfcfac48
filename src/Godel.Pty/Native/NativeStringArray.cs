// A NULL-terminated array of UTF-8 C strings in native memory (argv, envp), freed on dispose.
using System.Runtime.InteropServices;
using System.Text;

namespace Godel.Pty.Native;

internal sealed unsafe class NativeStringArray : IDisposable
{
    private readonly byte** _array;
    private readonly int _count;

    internal NativeStringArray(IReadOnlyList<string> items)
    {
        _count = items.Count;
        _array = (byte**)NativeMemory.AllocZeroed((nuint)(_count + 1), (nuint)sizeof(byte*));
        for (var i = 0; i < _count; i++)
            _array[i] = AllocUtf8(items[i]);
    }

    internal byte** Pointer => _array;

    /// <summary>A NUL-terminated UTF-8 copy of <paramref name="s"/> in native memory; free with NativeMemory.Free.</summary>
    internal static byte* AllocUtf8(string s)
    {
        if (s.Contains('\0', StringComparison.Ordinal))
            throw new PtySpawnException($"Argument or environment entry contains a NUL character: '{s.Replace("\0", "\\0", StringComparison.Ordinal)}'.");
        var bytes = Encoding.UTF8.GetByteCount(s);
        var p = (byte*)NativeMemory.Alloc((nuint)bytes + 1);
        Encoding.UTF8.GetBytes(s, new Span<byte>(p, bytes));
        p[bytes] = 0;
        return p;
    }

    public void Dispose()
    {
        for (var i = 0; i < _count; i++)
            NativeMemory.Free(_array[i]);
        NativeMemory.Free(_array);
    }
}
