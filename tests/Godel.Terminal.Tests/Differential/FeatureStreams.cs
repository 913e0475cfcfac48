// Hand-written byte streams, one per emulator feature, replayed into every reference and into Godel.
using System.Text;

namespace Godel.Terminal.Tests.Differential;

/// <summary>Which references draw a stream the same way as xterm's ctlseqs says (see docs/TERMINAL.md).</summary>
[Flags]
public enum Agreement
{
    Xterm = 1,
    Tmux = 2,
    Both = Xterm | Tmux,
}

public sealed record FeatureStream(string Name, string Text, Agreement Agreement = Agreement.Both)
{
    public byte[] Bytes => Encoding.UTF8.GetBytes(Text);

    public override string ToString() => Name;
}

public static class FeatureStreams
{
    public const int Columns = 40;
    public const int Rows = 12;

    private const string E = "\u001b";

    private static string Filler(int lines) =>
        string.Concat(Enumerable.Range(1, lines).Select(i => $"line {i:00} abcdefghijklmnopqrstuvwxyz\r\n"));

    public static IReadOnlyList<FeatureStream> All { get; } =
    [
        new("autowrap and pending wrap", new string('a', 40) + "b\r\n" + new string('c', 40) + "\rD" + $"{E}[5;40HX{E}[1CY"),
        new("backspace from pending wrap", new string('x', 39) + "A\b B\r\n" + new string('y', 40) + "\b\bZ", Agreement.Xterm),
        new("autowrap off", $"{E}[?7l" + new string('x', 45) + "END" + $"{E}[?7h\r\nok"),
        new("sgr 16 colours", string.Concat(Enumerable.Range(0, 8).Select(i => $"{E}[3{i}m{i}{E}[4{i}m{i}{E}[9{i}m{i}{E}[10{i}m{i}")) + $"{E}[0m end"),
        new("sgr 256 and truecolor", $"{E}[38;5;1ma{E}[38;5;100mb{E}[48;5;231mc{E}[38;2;10;20;30md{E}[48;2;200;100;0me{E}[38:2::1:2:3mf{E}[38:5:45mg{E}[m h"),
        new("sgr attributes", $"{E}[1mB{E}[2mD{E}[22m{E}[3mI{E}[4mU{E}[5mK{E}[7mR{E}[8mH{E}[28m{E}[9mS{E}[0m " +
            $"{E}[1;3;4;7mall{E}[23mni{E}[24mnu{E}[27mnr{E}[22mplain{E}[0m"),
        new("sgr overline", $"a{E}[53mover{E}[55mb", Agreement.Xterm),
        new("cursor motion and clamping", $"{E}[5;10HA{E}[2AB{E}[3BC{E}[4CD{E}[20DE{E}[99AF{E}[99BG{E}[99CH{E}[1GI{E}[6dJ{E}[2EK{E}[1FL{E}[30`M"),
        new("erase in display and line", Filler(10) + $"{E}[3;10H{E}[0K{E}[5;10H{E}[1K{E}[7;1H{E}[2K{E}[9;20H{E}[0J{E}[2;5H{E}[1J{E}[4;3H{E}[5X"),
        new("erase all", Filler(10) + $"{E}[2J{E}[HX"),
        new("insert and delete characters", $"abcdefghij{E}[1;3H{E}[2@XY{E}[2;1Habcdefghij{E}[2;3H{E}[3P{E}[3;1Habcdefghij{E}[3;3H{E}[4h12{E}[4lZ"),
        new("insert and delete lines", Filler(10) + $"{E}[3;1H{E}[2L{E}[7;1H{E}[3M"),
        new("scroll region with LF and RI", Filler(3) + $"{E}[4;8r{E}[8;1H" + "\n\n\nin region" + $"{E}[4;1H{E}M{E}Mtop{E}[r{E}[12;1Hlast"),
        new("scroll up and down", Filler(10) + $"{E}[2S{E}[1T{E}[3;6r{E}[2S{E}[r"),
        new("insert and delete lines in region", Filler(10) + $"{E}[3;8r{E}[4;1H{E}[2L{E}[6;1H{E}[1M{E}[r"),
        new("origin mode", Filler(6) + $"{E}[3;6r{E}[?6h{E}[1;1HO{E}[10;1HP{E}[?6lQ"),
        new("index, next line, reverse index", $"top{E}[12;1Hbottom{E}D{E}Enext{E}[1;1H{E}M{E}Mnew top"),
        new("tabs and tab stops", $"a\tb\tc\r\n{E}[3g{E}[1;5H{E}H{E}[1;15H{E}H\r\n\tx\ty\r\n{E}[2Iz{E}[1Zw\r\n{E}c"),
        new("default tab stops after reset", $"a\tb\tc\td\te\tf\r\n\t\t\t\t\t\t\tend"),
        new("save and restore cursor with attributes", $"{E}[31;1m{E}[5;5H{E}7{E}[0m{E}[1;1Hplain{E}8saved{E}[0m"),
        new("wide characters", "世界 한글 ｶﾀｶﾅ 日本語\r\nab世cd\r\n" + new string('x', 39) + "世"),
        new("combining characters", "e\u0301 a\u0308 n\u0303 x\u0332y"),
        new("dec line drawing", $"{E}(0lqqk\r\nx  x\r\nmqqj{E}(B abc"),
        new("alternate screen 1049 round trip", $"main text{E}[31m red{E}[?1049h{E}[2JALT{E}[5;5Hmore{E}[?1049l after"),
        new("alternate screen 1049 left on", $"main text{E}[?1049h{E}[Halt screen {E}[44mcolour"),
        new("alternate screen 47", $"main{E}[?47halt{E}[?47l back"),
        new("repeat character", $"ab{E}[5b\r\nx{E}[3bY"),
        new("background colour erase", $"{E}[44m{E}[2J{E}[2;2H{E}[42mtext{E}[K{E}[4;1H{E}[41m{E}[3X{E}[0m", Agreement.Xterm),
        new("insert lines outside region", Filler(10) + $"{E}[5;8r{E}[2;3H{E}[2L", Agreement.Xterm),
        new("delete lines returns to column 1", Filler(10) + $"{E}[3;7H{E}[1MX", Agreement.Xterm),
        new("scroll up fills with background", Filler(10) + $"{E}[45m{E}[2S{E}[0m", Agreement.Xterm),
        new("erase right half of wide character", $"世界世界{E}[1;2H{E}[1X", Agreement.Xterm),
        new("long text scrolls the screen", Filler(20)),
    ];
}
