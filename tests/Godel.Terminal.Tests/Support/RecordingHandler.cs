// A parser handler that records every action as a readable line, for parser tests.
using System.Text;
using Godel.Terminal.Parsing;

namespace Godel.Terminal.Tests.Support;

internal sealed class RecordingHandler : IVtHandler
{
    private readonly StringBuilder _print = new();

    public List<string> Actions { get; } = [];

    /// <summary>Prints are merged across calls so split and unsplit feeds compare equal.</summary>
    public IReadOnlyList<string> Flushed()
    {
        FlushPrint();
        return Actions;
    }

    private void FlushPrint()
    {
        if (_print.Length == 0) return;
        Actions.Add("print:" + _print);
        _print.Clear();
    }

    public void PrintAscii(ReadOnlySpan<byte> run) => _print.Append(Encoding.ASCII.GetString(run));

    public void Print(int codePoint) => _print.Append(char.ConvertFromUtf32(codePoint));

    public void Execute(byte control)
    {
        FlushPrint();
        Actions.Add($"exec:{control:X2}");
    }

    public void CsiDispatch(VtParams parameters, ReadOnlySpan<byte> intermediates, byte final)
    {
        FlushPrint();
        Actions.Add($"csi:{Encoding.ASCII.GetString(intermediates)}|{parameters}|{(char)final}");
    }

    public void EscDispatch(ReadOnlySpan<byte> intermediates, byte final)
    {
        FlushPrint();
        Actions.Add($"esc:{Encoding.ASCII.GetString(intermediates)}|{(char)final}");
    }

    public void OscDispatch(ReadOnlySpan<byte> data, bool bellTerminated)
    {
        FlushPrint();
        Actions.Add($"osc:{Encoding.UTF8.GetString(data)}|{(bellTerminated ? "bel" : "st")}");
    }

    public void DcsHook(VtParams parameters, ReadOnlySpan<byte> intermediates, byte final)
    {
        FlushPrint();
        Actions.Add($"dcs:{Encoding.ASCII.GetString(intermediates)}|{parameters}|{(char)final}");
    }

    public void DcsPut(byte data)
    {
        if (Actions.Count > 0 && Actions[^1].StartsWith("put:", StringComparison.Ordinal)) Actions[^1] += (char)data;
        else Actions.Add("put:" + (char)data);
    }

    public void DcsUnhook() => Actions.Add("unhook");
}
